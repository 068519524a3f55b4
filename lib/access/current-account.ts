import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { smartAccounts } from "@/db/schema";
import { requireAccess } from "@/lib/auth/session";
import {
  type AccessContext,
  accessibleSmartAccounts,
  canAccessSmartAccount,
  requireVirtualAccount,
  visibleVirtualAccounts,
} from "./context";
import { isUuid } from "@/lib/ids";
import { NotFoundError } from "./errors";

export const SA_COOKIE = "slp_sa";

export type SmartAccountRow = typeof smartAccounts.$inferSelect;

/**
 * The Smart Account a CSSM page shows: the VA named in the URL decides it (so links are
 * shareable); otherwise the `slp_sa` cookie; otherwise the only accessible one, or S-2's list.
 */
export async function resolveSmartAccount(opts: { vaId?: string; returnTo: string }): Promise<{
  ctx: AccessContext;
  smartAccount: SmartAccountRow;
  accessible: SmartAccountRow[];
}> {
  const ctx = await requireAccess();
  const db = await getDb();
  const accessible = await accessibleSmartAccounts(db, ctx);
  let saId: string | undefined;
  if (opts.vaId) {
    if (!isUuid(opts.vaId)) notFound();
    try {
      saId = (await requireVirtualAccount(db, ctx, opts.vaId)).smartAccountId;
    } catch (err) {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }
  } else {
    const fromCookie = (await cookies()).get(SA_COOKIE)?.value;
    if (fromCookie && accessible.some((sa) => sa.id === fromCookie)) saId = fromCookie;
    else if (accessible.length === 1) saId = accessible[0].id;
  }
  if (!saId) {
    if (accessible.length === 0) redirect("/no-access");
    redirect(`/select-account?callbackUrl=${encodeURIComponent(opts.returnTo)}`);
  }
  const smartAccount = accessible.find((sa) => sa.id === saId);
  if (!smartAccount || !canAccessSmartAccount(ctx, saId)) notFound();
  return { ctx, smartAccount, accessible };
}

/** Adds the VA context of the Inventory shell (S-6): the URL's VA, else the default one the user sees. */
export async function resolveInventoryContext(opts: { vaId?: string; returnTo: string }) {
  const base = await resolveSmartAccount(opts);
  const db = await getDb();
  const vas = await visibleVirtualAccounts(db, base.ctx, base.smartAccount.id);
  const va = (opts.vaId && vas.find((v) => v.id === opts.vaId)) || vas.find((v) => v.isDefault) || vas[0];
  if (opts.vaId && !va) notFound();
  return { ...base, vas, va: va ?? null };
}

export async function smartAccountById(id: string) {
  const db = await getDb();
  const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, id));
  return sa;
}
