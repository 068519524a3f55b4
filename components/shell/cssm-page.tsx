import type { ReactNode } from "react";
import { InventoryShell } from "@/components/inventory/inventory-shell";
import { resolveInventoryContext, resolveSmartAccount } from "@/lib/access/current-account";
import { CssmShell } from "./cssm-shell";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type Resolved = Awaited<ReturnType<typeof resolveSmartAccount>>;
type InventoryResolved = Awaited<ReturnType<typeof resolveInventoryContext>>;

/** A CSSM page: resolves the Smart Account (404 for someone else's) and wraps the S-4 shell. */
export async function CssmPage({
  searchParams,
  path,
  children,
}: {
  searchParams: SearchParams;
  path: string;
  children: (r: Resolved & { params: Record<string, string | undefined> }) => ReactNode | Promise<ReactNode>;
}) {
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const resolved = await resolveSmartAccount({ vaId: params.va, returnTo: path });
  return (
    <CssmShell smartAccount={resolved.smartAccount} accounts={resolved.accessible}>
      {await children({ ...resolved, params })}
    </CssmShell>
  );
}

/** An Inventory sub-tab page: adds the S-6 VA context. */
export async function InventoryPage({
  searchParams,
  path,
  children,
}: {
  searchParams: SearchParams;
  path: string;
  children: (r: InventoryResolved & { va: NonNullable<InventoryResolved["va"]>; params: Record<string, string | undefined> }) => ReactNode | Promise<ReactNode>;
}) {
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const r = await resolveInventoryContext({ vaId: params.va, returnTo: path });
  return (
    <CssmShell smartAccount={r.smartAccount} accounts={r.accessible}>
      {r.va ? (
        <InventoryShell userId={r.ctx.user.id} smartAccountId={r.smartAccount.id} va={r.va} vas={r.vas}>
          {await children({ ...r, va: r.va, params })}
        </InventoryShell>
      ) : (
        <p className="text-slate-600">You have no virtual account in this Smart Account.</p>
      )}
    </CssmShell>
  );
}
