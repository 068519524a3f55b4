import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { alerts, productInstances, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount } from "@/lib/access/context";
import { STALE_ITEM, ValidationError } from "@/lib/access/errors";
import type { Actor } from "@/lib/events/record";
import { recordEvent } from "@/lib/events/record";
import { piDisplayName, udiText } from "./display-name";
import type { removePiSchema, transferPiSchema } from "./schemas";

export const V16_SAME_ACCOUNT = "The product instance can only be moved within the same Smart Account.";

/**
 * V-3: locks the PI row and checks it is still in the VA the user saw. A PI that vanished or moved
 * answers the concurrency message; one of another Smart Account answers not-found (via the VA check).
 */
export async function lockProductInstance(tx: Tx, ctx: AccessContext, input: z.infer<typeof removePiSchema>) {
  const [pi] = await tx.select().from(productInstances).where(eq(productInstances.id, input.productInstanceId)).for("update");
  if (!pi) throw new ValidationError(STALE_ITEM);
  const va = await requireVirtualAccount(tx, ctx, pi.virtualAccountId);
  if (pi.virtualAccountId !== input.fromVirtualAccountId) throw new ValidationError(STALE_ITEM);
  return { pi, va };
}

/** W-8: moves a PI, with its usage and authorizations, to another writable VA of the same SA. */
export async function transferProductInstance(tx: Tx, ctx: AccessContext, actor: Actor, input: z.infer<typeof transferPiSchema>) {
  const { pi, va: source } = await lockProductInstance(tx, ctx, input);
  assertCan(ctx, "pi.transfer", { saId: source.smartAccountId, vaId: source.id });

  // The target must not vanish while the PI moves into it.
  const [target] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, input.targetVirtualAccountId), isNull(virtualAccounts.deletedAt)))
    .for("share");
  const writable =
    target &&
    target.id !== source.id &&
    target.smartAccountId === source.smartAccountId &&
    can(ctx, "pi.transfer", { saId: target.smartAccountId, vaId: target.id });
  if (!writable) throw new ValidationError(V16_SAME_ACCOUNT, "targetVirtualAccountId");

  // Usage (D-10), authorizations (D-16) and trust codes hang off the PI row, so they move with it.
  await tx.update(productInstances).set({ virtualAccountId: target.id }).where(eq(productInstances.id, pi.id));
  await tx
    .update(alerts)
    .set({ virtualAccountId: target.id })
    .where(and(eq(alerts.productInstanceId, pi.id), eq(alerts.virtualAccountId, source.id)));

  const name = piDisplayName(pi);
  await recordEvent(tx, {
    type: "E-11",
    params: { pi: name, from: source.name, to: target.name },
    actor,
    smartAccountId: source.smartAccountId,
    virtualAccountId: source.id,
    alsoVirtualAccountIds: [target.id],
    productInstanceId: pi.id,
    data: { fromVirtualAccountId: source.id, toVirtualAccountId: target.id },
  });
  if (pi.reservation !== "NONE") {
    await recordEvent(tx, {
      type: "E-33",
      params: { udi: udiText(pi), to: target.name },
      actor,
      smartAccountId: source.smartAccountId,
      virtualAccountId: source.id,
      alsoVirtualAccountIds: [target.id],
      productInstanceId: pi.id,
      data: { reservation: pi.reservation },
    });
  }
  return { productInstanceId: pi.id, virtualAccountId: target.id, virtualAccountName: target.name };
}
