import { CssmPage } from "@/components/shell/cssm-page";
import { TabNav } from "@/components/shell/tab-nav";
import { NotAvailable } from "@/components/ui/not-available";

const TABS = [
  { label: "Convert PAKs", href: "/convert/paks" },
  { label: "Convert Licenses", href: "/convert/licenses" },
  { label: "Conversion History", href: "/convert/history" },
  { label: "Event Log", href: "/convert/event-log" },
];

export default async function ConvertPage({
  params,
  searchParams,
}: {
  params: Promise<{ tab?: string[] }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { tab = ["paks"] } = await params;
  const current = TABS.find((t) => t.href === `/convert/${tab.join("/")}`);
  return (
    <CssmPage searchParams={searchParams} path="/convert/paks">
      {() => (
        <div>
          <h2 className="mb-2 text-lg font-light">License Conversion</h2>
          <TabNav tabs={TABS} label="License Conversion" small />
          <div className="pt-4">
            <NotAvailable screen={current?.label ?? "License Conversion"} />
          </div>
        </div>
      )}
    </CssmPage>
  );
}
