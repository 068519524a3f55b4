import { InventoryPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function LicensesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/licenses">
      {() => <NotAvailable screen="Licenses" />}
    </InventoryPage>
  );
}
