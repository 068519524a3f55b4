import { AlertsView } from "@/components/alerts/alerts-view";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { visibleVirtualAccounts } from "@/lib/access/context";

export default function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/alerts">
      {async ({ ctx, smartAccount, params }) => {
        const vas = await visibleVirtualAccounts(await getDb(), ctx, smartAccount.id);
        const initialVa = params.va && vas.some((v) => v.id === params.va) ? params.va : "";
        return (
          <AlertsView
            key={`${smartAccount.id}:${initialVa}`}
            smartAccountId={smartAccount.id}
            vaOptions={vas.map((v) => ({ id: v.id, name: v.name }))}
            initialVa={initialVa}
          />
        );
      }}
    </CssmPage>
  );
}
