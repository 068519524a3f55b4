import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseDefinitions, licenseLots, licenseTransactions } from "@/db/schema";
import { type AccessContext, assertCan, requireVirtualAccount } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { UPGRADE_MSG } from "@/lib/conversion/messages";
import { type Actor, recordEvent } from "@/lib/events/record";
import { computeBalances } from "./balances";
import { byConsumptionOrder, drawOnBalance } from "./draw";

/** S-14 / W-22 input. */
export const upgradeLicensesSchema = z.object({
  vaId: z.string().uuid(),
  targetLicenseId: z.string().uuid(),
  sourceLicenseId: z.string().uuid(),
  quantity: z.number().int(),
});
export type UpgradeLicensesInput = z.input<typeof upgradeLicensesSchema>;

export type UpgradeSource = {
  id: string;
  name: string;
  upgradeToId: string;
  /** max(0, Balance): what W-22 may replace (INV-4). */
  available: number;
  /** End dates of the lots an upgrade would draw on, earliest first; null = perpetual. */
  lots: { endDate: string | null; quantity: number }[];
};

/** What the S-14 wizard offers in a VA: the licenses with pending units and the device-specific licenses they replace. */
export async function upgradeOptions(db: DbOrTx, ctx: AccessContext, vaId: string) {
  const va = await requireVirtualAccount(db, ctx, vaId);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  const balances = await computeBalances(db, [va.id]);
  const pendingIds = balances.filter((b) => b.pending > 0).map((b) => b.licenseDefinitionId);
  if (pendingIds.length === 0) return { virtualAccount: { id: va.id, name: va.name }, targets: [], sources: [] };
  const defs = await db
    .select()
    .from(licenseDefinitions)
    .where(or(inArray(licenseDefinitions.id, pendingIds), inArray(licenseDefinitions.upgradeToId, pendingIds)));
  const lots = await db
    .select()
    .from(licenseLots)
    .where(and(eq(licenseLots.virtualAccountId, va.id), eq(licenseLots.status, "ACTIVE"), inArray(licenseLots.licenseDefinitionId, defs.map((d) => d.id))));
  const targets = defs
    .filter((d) => pendingIds.includes(d.id))
    .map((d) => ({ id: d.id, name: d.displayName, pending: balances.find((b) => b.licenseDefinitionId === d.id)!.pending }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sources: UpgradeSource[] = defs
    .filter((d) => d.upgradeToId && pendingIds.includes(d.upgradeToId))
    .map((d) => ({
      id: d.id,
      name: d.displayName,
      upgradeToId: d.upgradeToId!,
      available: Math.max(0, balances.find((b) => b.licenseDefinitionId === d.id)?.balance ?? 0),
      lots: lots
        .filter((l) => l.licenseDefinitionId === d.id && l.quantity > 0)
        .sort(byConsumptionOrder)
        .map((l) => ({ endDate: l.endDate, quantity: l.quantity })),
    }))
    .filter((s) => s.lots.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { virtualAccount: { id: va.id, name: va.name }, targets, sources };
}

export type UpgradeResult = { quantity: number; source: string; target: string };

/**
 * W-22: through the INV-4a helper, `UPGRADE_OUT` rows totalling −q on the device-specific license's
 * lots (earliest end first; a lot reaching 0 becomes REPLACED), and `UPGRADE_IN` +q on the target's
 * pending lots (`pending_quantity` −q, `quantity` +q), so INV-5 holds for every lot. E-38.
 */
export async function upgradeLicenses(tx: Tx, ctx: AccessContext, actor: Actor, raw: UpgradeLicensesInput): Promise<UpgradeResult> {
  const input = upgradeLicensesSchema.parse(raw);
  const va = await requireVirtualAccount(tx, ctx, input.vaId);
  assertCan(ctx, "license.convert", { saId: va.smartAccountId, vaId: va.id });
  const defs = await tx.select().from(licenseDefinitions).where(inArray(licenseDefinitions.id, [input.sourceLicenseId, input.targetLicenseId]));
  const source = defs.find((d) => d.id === input.sourceLicenseId);
  const target = defs.find((d) => d.id === input.targetLicenseId);
  if (!source || !target || source.upgradeToId !== target.id) throw new NotFoundError();

  // Both licenses' lots in the one INV-4a order (VA, license, lot), before the helper re-locks the source's.
  const locked = await tx
    .select()
    .from(licenseLots)
    .where(and(eq(licenseLots.virtualAccountId, va.id), eq(licenseLots.status, "ACTIVE"), inArray(licenseLots.licenseDefinitionId, [source.id, target.id])))
    .orderBy(asc(licenseLots.virtualAccountId), asc(licenseLots.licenseDefinitionId), asc(licenseLots.id))
    .for("update");
  const pendingLots = locked
    .filter((l) => l.licenseDefinitionId === target.id && l.pendingQuantity > 0)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const pending = pendingLots.reduce((s, l) => s + l.pendingQuantity, 0);
  const atMost = (available: number) => new ValidationError(UPGRADE_MSG.atMost(Math.min(pending, available)), "quantity");
  if (input.quantity < 1 || input.quantity > pending) {
    const balance = (await computeBalances(tx, [va.id])).find((b) => b.licenseDefinitionId === source.id)?.balance ?? 0;
    throw atMost(Math.max(0, balance));
  }

  const at = now();
  const userId = actor.kind === "user" ? actor.userId : null;
  const [draw] = await drawOnBalance(tx, { virtualAccountId: va.id, licenseDefinitionId: source.id, quantity: input.quantity }, ({ available }) => atMost(available), {
    type: "UPGRADE_OUT",
    smartAccountId: va.smartAccountId,
    userId,
    occurredAt: at,
  });
  const emptied = draw.drawn.filter((d) => d.lot.quantity === 0).map((d) => d.lot.id);
  if (emptied.length) await tx.update(licenseLots).set({ status: "REPLACED" }).where(inArray(licenseLots.id, emptied));

  let left = input.quantity;
  for (const lot of pendingLots) {
    if (left === 0) break;
    const taken = Math.min(lot.pendingQuantity, left);
    left -= taken;
    await tx
      .update(licenseLots)
      .set({ quantity: sql`${licenseLots.quantity} + ${taken}`, pendingQuantity: sql`${licenseLots.pendingQuantity} - ${taken}` })
      .where(eq(licenseLots.id, lot.id));
    await tx.insert(licenseTransactions).values({
      smartAccountId: va.smartAccountId,
      virtualAccountId: va.id,
      licenseDefinitionId: target.id,
      lotId: lot.id,
      delta: taken,
      type: "UPGRADE_IN",
      sku: lot.sku,
      orderNumber: lot.source === "ORDER" ? lot.sourceRef : null,
      userId,
      occurredAt: at,
    });
  }

  await recordEvent(tx, {
    type: "E-38",
    params: { qty: input.quantity, old: source.displayName, new: target.displayName },
    actor,
    smartAccountId: va.smartAccountId,
    virtualAccountId: va.id,
    licenseDefinitionId: target.id,
    occurredAt: at,
    data: { from: source.id, to: target.id, quantity: input.quantity },
  });
  return { quantity: input.quantity, source: source.displayName, target: target.displayName };
}
