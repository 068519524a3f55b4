import { InventoryPage } from "@/components/shell/cssm-page";
import { NotAvailable } from "@/components/ui/not-available";

export default function ProductInstancesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/product-instances">
      {() => <NotAvailable screen="Product Instances" />}
    </InventoryPage>
  );
}
