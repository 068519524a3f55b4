import { notFound } from "next/navigation";
import { renderReportsTab } from "@/components/reports/reports-tab-body";
import { REPORT_TABS } from "@/components/reports/report-tabs";
import { CssmPage } from "@/components/shell/cssm-page";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tab?: string[] }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { tab = ["report"] } = await params;
  const current = REPORT_TABS.find((t) => t.href === `/reports/${tab[0]}`);
  if (!current || tab.length > 1) notFound();
  return (
    <CssmPage searchParams={searchParams} path="/reports/report">
      {async ({ ctx, smartAccount, params: query }) => (
        <div>
          <TabNav tabs={REPORT_TABS} label="Reports" small keepQuery={["va"]} />
          <div className="pt-4">
            {(await renderReportsTab({ tab: tab[0], ctx, smartAccountId: smartAccount.id, vaId: query.va })) ?? (
              <NotAvailable screen={current.label} />
            )}
          </div>
        </div>
      )}
    </CssmPage>
  );
}
