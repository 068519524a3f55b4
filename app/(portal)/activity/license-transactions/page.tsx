import { ActivityTabs } from "@/components/activity/activity-tabs";
import { CssmPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function LicenseTransactionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/activity/license-transactions">
      {() => (
        <div>
          <ActivityTabs />
          <div className="pt-4">
            <NotAvailable screen="License Transactions" />
          </div>
        </div>
      )}
    </CssmPage>
  );
}
