import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts, licenseDefinitions, licenseInUse, licenseLots, licenseTagLinks, licenseTags, licenseTransactions, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount } from "@/lib/access/context";
import { DAY_MS, now } from "@/lib/clock";
import { computeBalances } from "./balances";
import { byConsumptionOrder } from "./draw";

export const BILLING_LABELS = { PREPAID: "Prepaid", USAGE: "Usage" } as const;
export const ENFORCEMENT_LABELS = { UNENFORCED: "Not Enforced", ENFORCED: "Enforced", EXPORT_CONTROLLED: "Export Controlled" } as const;
export const DURATION_LABELS = { PERPETUAL: "Perpetual", SUBSCRIPTION: "Subscription" } as const;
export const LOT_TYPE_LABELS = { PERPETUAL: "Perpetual", TERM: "Term", SUBSCRIPTION: "Subscription", DEMO: "Demo" } as const;

const ALERT_LABELS = {
  INSUFFICIENT_LICENSES: "Insufficient Licenses",
  LICENSES_EXPIRING: "Licenses Expiring",
  LICENSES_EXPIRED: "Licenses Expired",
} as const;
export type LicenseAlert = (typeof ALERT_LABELS)[keyof typeof ALERT_LABELS];

/** A contributing lot, with the columns S-9's expander shows for its source. */
export type LotLine = {
  id: string;
  source: "ORDER" | "PAK_CONVERSION" | "DEVICE_CONVERSION" | "DLC" | "TRANSFER" | "UPGRADE" | "ADJUSTMENT";
  quantity: number;
  pending: number;
  licenseType: keyof typeof LOT_TYPE_LABELS;
  sourceRef: string | null;
  sku: string | null;
  startDate: string | null;
  endDate: string | null;
  subscriptionId: string | null;
  /** TRANSFER lots: the VA it came from, its memo and when. DEVICE_CONVERSION / DLC: the UDI. */
  fromVa: string | null;
  memo: string | null;
  occurredAt: string | null;
  udi: string | null;
  /** DEVICE_CONVERSION / DLC expander column: the license's tier label or short tag. */
  licenseFamily: string | null;
};

export type LicenseRow = {
  licenseDefinitionId: string;
  name: string;
  entitlementTag: string;
  billing: (typeof BILLING_LABELS)[keyof typeof BILLING_LABELS];
  enforcement: keyof typeof ENFORCEMENT_LABELS;
  purchased: number;
  pending: number;
  inUse: number;
  substitution: number;
  balance: number;
  /** P-15 */
  compliance: "In Compliance" | "Out Of Compliance";
  alerts: LicenseAlert[];
  upgradePending: boolean;
  /** Earliest end date among the ACTIVE lots that still hold units (`YYYY-MM-DD`), for `Expiring within N days`. */
  nextEndDate: string | null;
  /** Days from now (app clock) until `nextEndDate`, rounded up; null when nothing ends. */
  daysToExpiry: number | null;
  tags: string[];
  lots: LotLine[];
};

/**
 * S-9 rows of a VA: every license with a lot (any status) or usage there, sorted by name, with
 * INV-2 balances (P-16 applied). `Insufficient Licenses` follows the live balance (P-11);
 * `Licenses Expiring` / `Licenses Expired` come from the open alerts the alert job keeps (P-14).
 */
export async function listLicenseRows(db: DbOrTx, ctx: AccessContext, vaId: string): Promise<LicenseRow[]> {
  const va = await requireVirtualAccount(db, ctx, vaId);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  const balances = await computeBalances(db, [va.id]);
  const lots = await db.select().from(licenseLots).where(eq(licenseLots.virtualAccountId, va.id));
  if (balances.length === 0 && lots.length === 0) return [];

  // The licenses of `balances` and `lots` as a subquery: a thousand license ids as parameters cost more than they filter.
  const held = db
    .select({ id: licenseLots.licenseDefinitionId })
    .from(licenseLots)
    .where(eq(licenseLots.virtualAccountId, va.id))
    .union(
      db
        .select({ id: licenseInUse.licenseDefinitionId })
        .from(licenseInUse)
        .where(and(eq(licenseInUse.virtualAccountId, va.id), gt(licenseInUse.usageRows, 0))),
    );
  const defs = await db.select().from(licenseDefinitions).where(inArray(licenseDefinitions.id, held));
  const openAlerts = await db
    .select({ licId: alerts.licenseDefinitionId, type: alerts.type })
    .from(alerts)
    .where(and(eq(alerts.virtualAccountId, va.id), isNull(alerts.clearedAt), inArray(alerts.type, ["LICENSES_EXPIRING", "LICENSES_EXPIRED"])));
  const tagRows = await db
    .select({ licId: licenseTagLinks.licenseDefinitionId, name: licenseTags.name })
    .from(licenseTagLinks)
    .innerJoin(licenseTags, eq(licenseTags.id, licenseTagLinks.tagId))
    // Every tag link of the SA (a short list): a thousand license ids as parameters cost more than they filter.
    .where(eq(licenseTags.smartAccountId, va.smartAccountId))
    .orderBy(asc(licenseTags.name));
  const transfersIn = await db
    .select({
      lotId: licenseTransactions.lotId,
      fromVa: virtualAccounts.name,
      memo: licenseTransactions.memo,
      occurredAt: licenseTransactions.occurredAt,
      udi: licenseTransactions.udi,
      type: licenseTransactions.type,
    })
    .from(licenseTransactions)
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, licenseTransactions.counterpartVaId))
    .where(and(eq(licenseTransactions.virtualAccountId, va.id), inArray(licenseTransactions.type, ["TRANSFER_IN", "DEVICE_CONVERSION", "DLC"])));
  const inRow = new Map(transfersIn.map((t) => [t.lotId, t]));

  // Grouped once: a VA may hold a thousand licenses (scripts/bench/modules/45-inventory-scale.ts).
  const balanceOf = new Map(balances.map((b) => [b.licenseDefinitionId, b]));
  const lotsOf = groupBy(lots, (l) => l.licenseDefinitionId);
  const alertsOf = groupBy(openAlerts, (a) => a.licId ?? "");
  const tagsOf = groupBy(tagRows, (t) => t.licId);

  const today = now();
  const rows: LicenseRow[] = defs.map((def) => {
    const b = balanceOf.get(def.id);
    const mine = lotsOf.get(def.id) ?? [];
    const contributing = mine.filter((l) => l.status === "ACTIVE" && (l.quantity > 0 || l.pendingQuantity > 0)).sort(byConsumptionOrder);
    const balance = b?.balance ?? 0;
    const alertTypes = new Set((alertsOf.get(def.id) ?? []).map((a) => a.type));
    const rowAlerts: LicenseAlert[] = [];
    if (balance < 0) rowAlerts.push(ALERT_LABELS.INSUFFICIENT_LICENSES);
    if (alertTypes.has("LICENSES_EXPIRING")) rowAlerts.push(ALERT_LABELS.LICENSES_EXPIRING);
    if (alertTypes.has("LICENSES_EXPIRED")) rowAlerts.push(ALERT_LABELS.LICENSES_EXPIRED);
    const ends = contributing.filter((l) => l.quantity > 0 && l.endDate).map((l) => l.endDate!).sort();
    return {
      licenseDefinitionId: def.id,
      name: def.displayName,
      entitlementTag: def.entitlementTag,
      billing: BILLING_LABELS[def.billing],
      enforcement: def.enforcement,
      purchased: b?.purchased ?? 0,
      pending: b?.pending ?? 0,
      inUse: b?.inUse ?? 0,
      substitution: b?.substitution ?? 0,
      balance,
      compliance: balance >= 0 ? "In Compliance" : "Out Of Compliance",
      alerts: rowAlerts,
      upgradePending: (b?.pending ?? 0) > 0,
      nextEndDate: ends[0] ?? null,
      daysToExpiry: ends[0] ? Math.ceil((Date.parse(`${ends[0]}T00:00:00Z`) - today.getTime()) / DAY_MS) : null,
      tags: (tagsOf.get(def.id) ?? []).map((t) => t.name),
      lots: contributing.map((l) => {
        const t = inRow.get(l.id);
        return {
          id: l.id,
          source: l.source,
          quantity: l.quantity,
          pending: l.pendingQuantity,
          licenseType: l.licenseType,
          sourceRef: l.sourceRef,
          sku: l.sku,
          startDate: l.startDate,
          endDate: l.endDate,
          subscriptionId: l.subscriptionId,
          fromVa: t?.type === "TRANSFER_IN" ? (t.fromVa ?? null) : null,
          memo: t?.memo ?? null,
          occurredAt: t?.occurredAt ? t.occurredAt.toISOString() : null,
          udi: t?.udi ?? null,
          licenseFamily: def.tierLabel ?? def.shortTag,
        };
      }),
    };
  });
  return rows.sort((a, b) => byName.compare(a.name, b.name));
}

// One collator: `localeCompare` with options builds one per comparison (60 ms for 1,000 rows).
const byName = new Intl.Collator("en", { sensitivity: "base" });

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** What the S-9 toolbar and row menus may offer this user in this VA (S-0: only permitted items). */
export function licensePermissions(ctx: AccessContext, va: { id: string; smartAccountId: string }) {
  const scope = { saId: va.smartAccountId, vaId: va.id };
  return {
    transfer: can(ctx, "license.transfer", scope),
    manageTags: can(ctx, "tags.manage", { saId: va.smartAccountId }),
    reserve: can(ctx, "reservation.manage", scope),
    upgrade: can(ctx, "license.convert", scope),
  };
}
