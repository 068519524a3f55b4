import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { authorizations, licenseUsage, productInstances } from "@/db/schema";
import { type AccessContext, assertCan } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import type { Actor } from "@/lib/events/record";
import { recordEvent } from "@/lib/events/record";
import { piDisplayName, udiText } from "./display-name";
import type { removePiSchema } from "./schemas";
import { lockProductInstance } from "./transfer";

export const V16B_RETURN_FIRST = "Return this product instance's reservation or authorization code before removing it.";

/** True when the PI holds an INSTALLED SLR, PLR or SLAC: `Remove...` then needs the return path (W-18). */
export async function holdsInstalledAuthorization(tx: Tx, piId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: authorizations.id })
    .from(authorizations)
    .where(and(eq(authorizations.productInstanceId, piId), eq(authorizations.status, "INSTALLED")))
    .limit(1);
  return rows.length > 0;
}

/**
 * W-9 without an active authorization: deletes the PI's usage and the PI; its RUM reports stay,
 * detached (FK set null), and its licenses return to the VA's pool.
 */
export async function removeProductInstance(tx: Tx, ctx: AccessContext, actor: Actor, input: z.infer<typeof removePiSchema>) {
  const { pi, va } = await lockProductInstance(tx, ctx, input);
  assertCan(ctx, "pi.remove", { saId: va.smartAccountId, vaId: va.id });
  if (pi.reservation !== "NONE" || (await holdsInstalledAuthorization(tx, pi.id))) {
    throw new ValidationError(V16B_RETURN_FIRST);
  }

  await tx.delete(licenseUsage).where(eq(licenseUsage.productInstanceId, pi.id));
  // Returned or superseded codes have no life without their instance; INSTALLED ones were refused above.
  await tx.delete(authorizations).where(eq(authorizations.productInstanceId, pi.id));
  await recordEvent(tx, {
    type: "E-12",
    params: { pi: piDisplayName(pi) },
    actor,
    smartAccountId: va.smartAccountId,
    virtualAccountId: va.id,
    data: { productInstanceId: pi.id, udi: udiText(pi) },
  });
  await tx.delete(productInstances).where(eq(productInstances.id, pi.id));
  return { productInstanceId: pi.id };
}
