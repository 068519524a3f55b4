import { CssmPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function OnPremAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/on-prem-accounts">
      {() => <NotAvailable screen="On-Prem Accounts" />}
    </CssmPage>
  );
}
