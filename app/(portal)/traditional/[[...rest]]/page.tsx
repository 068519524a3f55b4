import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { DevicesTab } from "@/components/traditional/devices-tab";
import { LicensesTab } from "@/components/traditional/licenses-tab";
import { PaksTab } from "@/components/traditional/paks-tab";
import { TraditionalShell } from "@/components/traditional/traditional-shell";
import { TransactionsTab } from "@/components/traditional/transactions-tab";
import type { TraditionalOptions } from "@/components/traditional/types";
import { SA_COOKIE } from "@/lib/access/current-account";
import { requireAccess } from "@/lib/auth/session";
import { traditionalOptions } from "@/lib/traditional/options";
import { traditionalSmartAccount } from "@/lib/traditional/smart-account-label";

const TABS = {
  "": PaksTab,
  licenses: LicensesTab,
  devices: DevicesTab,
  transactions: TransactionsTab,
} as const;

/** S-51..S-59 Traditional Licensing: `/traditional`, `/traditional/licenses`, `/traditional/devices`, `/traditional/transactions`. */
export default async function TraditionalPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  const { rest = [] } = await params;
  const key = (rest[0] ?? "") as keyof typeof TABS;
  if (rest.length > 1 || !(key in TABS)) notFound();
  const Tab = TABS[key];

  const ctx = await requireAccess();
  const db = await getDb();
  const smartAccount = await traditionalSmartAccount(db, ctx, (await cookies()).get(SA_COOKIE)?.value);
  const options: TraditionalOptions = { ...(await traditionalOptions(db, ctx)), smartAccountId: smartAccount?.id };
  return (
    <TraditionalShell smartAccountName={smartAccount?.name ?? "Not Assigned"}>
      <Tab options={options} />
    </TraditionalShell>
  );
}
