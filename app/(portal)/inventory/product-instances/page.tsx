import { ProductInstancesList } from "@/components/inventory/product-instances-list";
import { InventoryPage } from "@/components/shell/cssm-page";
import { can } from "@/lib/access/context";

export default function ProductInstancesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/product-instances">
      {({ ctx, va, vas }) => {
        // W-8 targets: the other VAs of this SA the user may move instances into.
        const targets = vas
          .filter((v) => v.id !== va.id && can(ctx, "pi.transfer", { saId: v.smartAccountId, vaId: v.id }))
          .map((v) => ({ id: v.id, name: v.name }));
        return <ProductInstancesList key={va.id} vaId={va.id} targets={targets} />;
      }}
    </InventoryPage>
  );
}
