import { and, arrayOverlaps, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, licenseDefinitions, licenseLots, licenseUsage, orderLines, orders, productInstances, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, requireVirtualAccount, seesWholeAccount, visibleVirtualAccounts } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { computeBalances } from "./balances";
import { BILLING_LABELS, DURATION_LABELS, ENFORCEMENT_LABELS, LOT_TYPE_LABELS } from "./licenses";

const SOURCE_LABELS = { REPORTED: "Reported", SLR: "SLR", PLR: "PLR", SLAC: "SLAC" } as const;

/** P-19 */
export function piDisplayName(pi: { udiPid: string; udiSn: string; hostname: string | null; hostnameShared: boolean }): string {
  return pi.hostnameShared && pi.hostname ? pi.hostname : `UDI_PID:${pi.udiPid}; UDI_SN:${pi.udiSn};`;
}

async function scopeOf(db: DbOrTx, ctx: AccessContext, vaId: string, licenseDefinitionId: string) {
  const va = await requireVirtualAccount(db, ctx, vaId);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  const [def] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseDefinitionId));
  if (!def) throw new NotFoundError();
  const vas = await visibleVirtualAccounts(db, ctx, va.smartAccountId);
  return { va, def, vas };
}

/**
 * S-10 of one license, seen from a VA: Overview (with use per visible VA and the `License
 * Expiration` groups of this VA), Product Instances and Order History over the visible VAs.
 */
export async function licenseDetail(db: DbOrTx, ctx: AccessContext, vaId: string, licenseDefinitionId: string) {
  const { va, def, vas } = await scopeOf(db, ctx, vaId, licenseDefinitionId);
  const vaIds = vas.map((v) => v.id);
  const nameOf = new Map(vas.map((v) => [v.id, v.name]));
  const balances = (await computeBalances(db, vaIds)).filter((b) => b.licenseDefinitionId === def.id);
  const perVa = vas
    .map((v) => ({ va: v, b: balances.find((b) => b.virtualAccountId === v.id) }))
    .filter((x) => x.b)
    .map(({ va: v, b }) => ({ virtualAccount: v.name, inUse: b!.inUse, available: Math.max(0, b!.balance), balance: b!.balance }));

  const lots = await db
    .select()
    .from(licenseLots)
    .where(and(eq(licenseLots.virtualAccountId, va.id), eq(licenseLots.licenseDefinitionId, def.id), eq(licenseLots.status, "ACTIVE")));
  const groups = new Map<string, { count: number; type: string; expirationDate: string | null }>();
  for (const lot of lots) {
    if (lot.quantity <= 0) continue;
    const key = `${lot.licenseType}|${lot.endDate ?? ""}`;
    const g = groups.get(key) ?? { count: 0, type: LOT_TYPE_LABELS[lot.licenseType], expirationDate: lot.endDate };
    g.count += lot.quantity;
    groups.set(key, g);
  }
  const expiration = [...groups.values()].sort((a, b) => (a.expirationDate ?? "9999").localeCompare(b.expirationDate ?? "9999"));

  const pis = vaIds.length
    ? await db
        .select({
          id: productInstances.id,
          udiPid: productInstances.udiPid,
          udiSn: productInstances.udiSn,
          hostname: productInstances.hostname,
          hostnameShared: productInstances.hostnameShared,
          productType: productInstances.productType,
          vaId: productInstances.virtualAccountId,
          quantity: licenseUsage.count,
          source: licenseUsage.source,
        })
        .from(licenseUsage)
        .innerJoin(productInstances, eq(productInstances.id, licenseUsage.productInstanceId))
        .where(and(eq(licenseUsage.licenseDefinitionId, def.id), inArray(productInstances.virtualAccountId, vaIds)))
    : [];
  const productInstanceRows = pis
    .map((p) => ({
      id: `${p.id}:${p.source}`,
      name: piDisplayName(p),
      productType: p.productType,
      virtualAccount: nameOf.get(p.vaId) ?? "",
      quantity: p.quantity,
      source: SOURCE_LABELS[p.source],
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.source.localeCompare(b.source));

  const orderRows = vaIds.length
    ? await db
        .select({
          id: orderLines.id,
          orderNumber: orders.orderNumber,
          sku: orderLines.sku,
          quantity: orderLines.quantity,
          orderDate: orders.orderDate,
          startDate: orderLines.startDate,
          endDate: orderLines.endDate,
          virtualAccount: virtualAccounts.name,
        })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(virtualAccounts, eq(virtualAccounts.id, orders.virtualAccountId))
        .where(and(eq(orderLines.licenseDefinitionId, def.id), inArray(orders.virtualAccountId, vaIds)))
        .orderBy(desc(orders.orderDate), asc(orders.orderNumber))
    : [];

  return {
    licenseDefinitionId: def.id,
    name: def.displayName,
    entitlementTag: def.entitlementTag,
    overview: {
      description: def.description,
      enforcement: ENFORCEMENT_LABELS[def.enforcement],
      duration: DURATION_LABELS[def.duration],
      billing: BILLING_LABELS[def.billing],
      perVa,
      expiration,
    },
    productInstances: productInstanceRows,
    orders: orderRows,
  };
}
export type LicenseDetail = Awaited<ReturnType<typeof licenseDetail>>;

/** S-10 `Event Log` tab: events of this license (shown in LIC) in the VAs the user can see. */
export async function licenseEvents(
  db: DbOrTx,
  ctx: AccessContext,
  vaId: string,
  licenseDefinitionId: string,
  page: { page: number; pageSize: number },
) {
  const { va, def, vas } = await scopeOf(db, ctx, vaId, licenseDefinitionId);
  const parts: SQL[] = [
    eq(events.smartAccountId, va.smartAccountId),
    eq(events.licenseDefinitionId, def.id),
    sql`'LIC' = any(${events.shownIn})`,
  ];
  if (!seesWholeAccount(ctx, va.smartAccountId)) {
    parts.push(arrayOverlaps(events.vaIds, vas.length ? vas.map((v) => v.id) : ["00000000-0000-0000-0000-000000000000"]));
  }
  const where = and(...parts);
  const [{ total }] = await db.select({ total: count() }).from(events).where(where);
  const rows = await db
    .select({ id: events.id, message: events.message, occurredAt: events.occurredAt, actorLabel: events.actorLabel, userId: events.userId })
    .from(events)
    .where(where)
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / page.pageSize)) };
}
