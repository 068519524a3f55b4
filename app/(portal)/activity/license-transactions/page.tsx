import { ActivityTabs } from "@/components/activity/activity-tabs";
import { LicenseTransactions } from "@/components/activity/license-transactions";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { visibleVirtualAccounts } from "@/lib/access/context";

/** S-31 Activity › License Transactions: the ledger of every VA the user can see. */
export default function LicenseTransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/activity/license-transactions">
      {async ({ ctx, smartAccount }) => {
        const vas = await visibleVirtualAccounts(await getDb(), ctx, smartAccount.id);
        return (
          <div>
            <ActivityTabs />
            <div className="pt-4">
              <LicenseTransactions key={smartAccount.id} smartAccountId={smartAccount.id} vaOptions={vas.map((v) => ({ id: v.id, name: v.name }))} />
            </div>
          </div>
        );
      }}
    </CssmPage>
  );
}
