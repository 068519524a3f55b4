import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseDefinitions, licenseLots, licenseTransactions, orderLines, orders, smartAccounts, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import type { DepositOrderInput } from "./schemas";
import { requireLicensingOps } from "./smart-accounts";

/**
 * W-52: each line creates a lot and its ORDER ledger row (INV-5). A `Pending upgrade` line
 * creates a pending lot instead: quantity 0, pending_quantity = the line's, ledger delta 0 (D-6).
 */
export async function depositOrder(tx: Tx, ctx: AccessContext, actor: Actor, input: DepositOrderInput) {
  requireLicensingOps(ctx);
  const [va] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, input.virtualAccountId), eq(virtualAccounts.smartAccountId, input.smartAccountId), isNull(virtualAccounts.deletedAt)));
  if (!va) throw new NotFoundError();
  const [taken] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.orderNumber, input.orderNumber));
  if (taken) throw new ValidationError(`Order ${input.orderNumber} already exists.`, "orderNumber");
  const ids = [...new Set(input.lines.map((l) => l.licenseDefinitionId))];
  const defs = new Map(
    (await tx.select().from(licenseDefinitions).where(inArray(licenseDefinitions.id, ids))).map((d) => [d.id, d]),
  );
  if (defs.size !== ids.length) throw new ValidationError("Choose a license from the catalogue for every line.");

  const at = now();
  const [order] = await tx
    .insert(orders)
    .values({
      orderNumber: input.orderNumber,
      smartAccountId: va.smartAccountId,
      virtualAccountId: va.id,
      orderDate: input.orderDate,
      createdBy: ctx.user.id,
      createdAt: at,
    })
    .returning();
  for (const line of input.lines) {
    const def = defs.get(line.licenseDefinitionId)!;
    const [lot] = await tx
      .insert(licenseLots)
      .values({
        virtualAccountId: va.id,
        licenseDefinitionId: def.id,
        quantity: line.pendingUpgrade ? 0 : line.quantity,
        pendingQuantity: line.pendingUpgrade ? line.quantity : 0,
        licenseType: line.licenseType,
        startDate: line.startDate || null,
        endDate: line.endDate || null,
        subscriptionId: line.subscriptionId || null,
        source: "ORDER",
        sourceRef: input.orderNumber,
        sku: line.sku,
        createdAt: at,
      })
      .returning();
    await tx.insert(orderLines).values({
      orderId: order.id,
      sku: line.sku,
      licenseDefinitionId: def.id,
      quantity: line.quantity,
      licenseType: line.licenseType,
      startDate: line.startDate || null,
      endDate: line.endDate || null,
      subscriptionId: line.subscriptionId || null,
      pendingUpgrade: line.pendingUpgrade,
      lotId: lot.id,
    });
    await tx.insert(licenseTransactions).values({
      smartAccountId: va.smartAccountId,
      virtualAccountId: va.id,
      licenseDefinitionId: def.id,
      lotId: lot.id,
      delta: line.pendingUpgrade ? 0 : line.quantity,
      type: "ORDER",
      orderNumber: input.orderNumber,
      sku: line.sku,
      userId: ctx.user.id,
      occurredAt: at,
    });
    await recordEvent(tx, {
      type: "E-35",
      params: { qty: line.quantity, license: def.displayName, order: input.orderNumber, sku: line.sku },
      actor,
      smartAccountId: va.smartAccountId,
      virtualAccountId: va.id,
      licenseDefinitionId: def.id,
      occurredAt: at,
    });
  }
  return { id: order.id };
}

/** S-34 Orders list, newest first. */
export async function listOrders(db: DbOrTx, ctx: AccessContext, limit = 200) {
  requireLicensingOps(ctx);
  return db
    .select({
      id: orders.id,
      orderNumber: orders.orderNumber,
      orderDate: orders.orderDate,
      smartAccount: smartAccounts.name,
      virtualAccount: virtualAccounts.name,
      lines: sql<number>`(select count(*) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number),
      quantity: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(Number),
    })
    .from(orders)
    .innerJoin(smartAccounts, eq(smartAccounts.id, orders.smartAccountId))
    .innerJoin(virtualAccounts, eq(virtualAccounts.id, orders.virtualAccountId))
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(limit);
}

/** Choices for the `New Order...` dialog: every SA with its VAs, and the catalogue. */
export async function orderFormChoices(db: DbOrTx, ctx: AccessContext) {
  requireLicensingOps(ctx);
  const sas = await db.select({ id: smartAccounts.id, name: smartAccounts.name }).from(smartAccounts).orderBy(smartAccounts.name);
  const vas = await db
    .select({ id: virtualAccounts.id, name: virtualAccounts.name, smartAccountId: virtualAccounts.smartAccountId })
    .from(virtualAccounts)
    .where(isNull(virtualAccounts.deletedAt))
    .orderBy(virtualAccounts.name);
  const licenses = await db
    .select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName })
    .from(licenseDefinitions)
    .orderBy(licenseDefinitions.displayName);
  return { smartAccounts: sas.map((s) => ({ ...s, vas: vas.filter((v) => v.smartAccountId === s.id) })), licenses };
}
