import { CssmPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/alerts">
      {() => <NotAvailable screen="Alerts" />}
    </CssmPage>
  );
}
