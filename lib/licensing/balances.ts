import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseInUse, licenseLots } from "@/db/schema";

export type LicenseBalance = {
  virtualAccountId: string;
  licenseDefinitionId: string;
  /** Σ quantity of ACTIVE lots (D-6). */
  purchased: number;
  /** Σ pending_quantity of ACTIVE lots: shown as `(+ N pending)`, never counted (W-22). */
  pending: number;
  /** Σ over the VA's PIs of the max count across sources (D-10). */
  inUse: number;
  /** P-16: +k on the lower tier that borrows, −k on the higher tier that lends; 0 when none. */
  substitution: number;
  /** INV-2: purchased − inUse + substitution; may be negative. */
  balance: number;
};

const key = (va: string, lic: string) => `${va}|${lic}`;

/**
 * INV-2 balances for the given VAs, one row per (VA, license) that has a lot or usage there,
 * with the one-level P-16 substitution applied.
 */
export async function computeBalances(db: DbOrTx, vaIds: string[]): Promise<LicenseBalance[]> {
  if (vaIds.length === 0) return [];
  const purchasedRows = await db
    .select({
      vaId: licenseLots.virtualAccountId,
      licId: licenseLots.licenseDefinitionId,
      purchased: sql<number>`sum(${licenseLots.quantity})`.mapWith(Number),
      pending: sql<number>`sum(${licenseLots.pendingQuantity})`.mapWith(Number),
    })
    .from(licenseLots)
    .where(and(inArray(licenseLots.virtualAccountId, vaIds), eq(licenseLots.status, "ACTIVE")))
    .groupBy(licenseLots.virtualAccountId, licenseLots.licenseDefinitionId);

  const usageRows = await inUseByVaAndLicense(db, vaIds);

  const rows = new Map<string, LicenseBalance>();
  const row = (vaId: string, licId: string) => {
    const k = key(vaId, licId);
    let r = rows.get(k);
    if (!r) {
      r = { virtualAccountId: vaId, licenseDefinitionId: licId, purchased: 0, pending: 0, inUse: 0, substitution: 0, balance: 0 };
      rows.set(k, r);
    }
    return r;
  };
  for (const p of purchasedRows) Object.assign(row(p.vaId, p.licId), { purchased: p.purchased, pending: p.pending });
  for (const [k, inUse] of usageRows) {
    const [vaId, licId] = k.split("|");
    row(vaId, licId).inUse = inUse;
  }
  for (const r of rows.values()) r.balance = r.purchased - r.inUse;

  // The catalogue's few substitution pairs, filtered here rather than by a parameter per license.
  const licIds = new Set([...rows.values()].map((r) => r.licenseDefinitionId));
  const subs = licIds.size
    ? (
        await db
          .select({ id: licenseDefinitions.id, lowerId: licenseDefinitions.substitutesForId })
          .from(licenseDefinitions)
          .where(sql`${licenseDefinitions.substitutesForId} is not null`)
      ).filter((s) => licIds.has(s.id))
    : [];
  applySubstitution(rows, subs);
  return [...rows.values()];
}

/**
 * D-10 in use per (VA, license): Σ over the VA's instances of the largest count across sources, as
 * the triggers of migration 0007_license_in_use_triggers.sql keep it in license_in_use. One row per
 * license rather than every usage row (scripts/bench/modules/45-inventory-scale.ts).
 */
async function inUseByVaAndLicense(db: DbOrTx, vaIds: string[]): Promise<Map<string, number>> {
  const totals = await db
    .select({ vaId: licenseInUse.virtualAccountId, licId: licenseInUse.licenseDefinitionId, total: licenseInUse.total })
    .from(licenseInUse)
    .where(and(inArray(licenseInUse.virtualAccountId, vaIds), gt(licenseInUse.usageRows, 0)));
  return new Map(totals.map((t) => [key(t.vaId, t.licId), t.total]));
}

/** P-16: one level, H lends min(surplus H, shortage L) to L inside the same VA. */
export function applySubstitution(rows: Map<string, LicenseBalance>, pairs: { id: string; lowerId: string | null }[]): void {
  for (const { id: higher, lowerId } of pairs) {
    if (!lowerId) continue;
    for (const h of rows.values()) {
      if (h.licenseDefinitionId !== higher) continue;
      const l = rows.get(key(h.virtualAccountId, lowerId));
      if (!l || h.balance <= 0 || l.balance >= 0) continue;
      const k = Math.min(h.balance, -l.balance);
      h.substitution -= k;
      h.balance -= k;
      l.substitution += k;
      l.balance += k;
    }
  }
}
