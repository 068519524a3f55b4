import { CssmPage } from "@/components/shell/cssm-page";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";
import { UsageDataFilesTab } from "@/components/usage/usage-data-files-tab";

const TABS = [
  { label: "Report", href: "/reports/report" },
  { label: "Usage Data Files", href: "/reports/usage-data-files" },
  { label: "Reporting Policy", href: "/reports/reporting-policy" },
  { label: "Synch File for Device Controllers", href: "/reports/synch-file" },
];

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tab?: string[] }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { tab = ["report"] } = await params;
  const current = TABS.find((t) => t.href === `/reports/${tab[0]}`);
  return (
    <CssmPage searchParams={searchParams} path="/reports/report">
      {({ smartAccount }) => (
        <div>
          <TabNav tabs={TABS} label="Reports" small />
          <div className="pt-4">
            {tab.length === 1 && current?.href === "/reports/usage-data-files" ? (
              <UsageDataFilesTab smartAccountId={smartAccount.id} />
            ) : (
              <NotAvailable screen={current?.label ?? "Reports"} />
            )}
          </div>
        </div>
      )}
    </CssmPage>
  );
}
