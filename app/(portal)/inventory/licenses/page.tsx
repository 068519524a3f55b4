import { LicensesView } from "@/components/licenses/licenses-view";
import { InventoryPage } from "@/components/shell/cssm-page";
import { can } from "@/lib/access/context";
import { licensePermissions } from "@/lib/licensing/licenses";

/** S-9 Inventory › Licenses; S-10 opens over it from `?license={defId}&ltab=…`. */
export default function LicensesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/licenses">
      {({ ctx, va, vas, smartAccount }) => {
        const permissions = licensePermissions(ctx, va);
        // S-11 `Transfer To:`: the VAs of this Smart Account the user can write, other than this one.
        const targets = vas
          .filter((v) => v.id !== va.id && can(ctx, "license.transfer", { saId: smartAccount.id, vaId: v.id }))
          .map((v) => ({ id: v.id, name: v.name }));
        return (
          <LicensesView
            key={va.id}
            smartAccountId={smartAccount.id}
            va={{ id: va.id, name: va.name }}
            reservationEnabled={smartAccount.reservationEnabled}
            permissions={permissions}
            targets={targets}
          />
        );
      }}
    </InventoryPage>
  );
}
