import { CssmPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function PreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/preferences">
      {() => <NotAvailable screen="Preferences" />}
    </CssmPage>
  );
}
