import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { licenseDefinitions, licenseLots, licenseTransactions, type LicenseLot } from "@/db/schema";
import { ValidationError } from "@/lib/access/errors";
import { computeBalances } from "./balances";
import { TRANSFER_MSG } from "./transfer-messages";

/** One (VA, license) whose Balance a write draws on. */
export type BalanceDraw = { virtualAccountId: string; licenseDefinitionId: string; quantity: number };

/**
 * The ledger rows written for the lots a draw consumes: everything but the lot, VA, license and
 * delta, which the helper fills in (one row per lot, delta −taken), so INV-5 holds by construction.
 */
export type DrawLedger = Omit<
  typeof licenseTransactions.$inferInsert,
  "id" | "lotId" | "virtualAccountId" | "licenseDefinitionId" | "delta"
> & { type: "TRANSFER_OUT" | "UPGRADE_OUT" | "ADJUSTMENT" };

export type DrawnLot = { lot: LicenseLot; taken: number };
export type DrawResult = BalanceDraw & { available: number; licenseName: string; drawn: DrawnLot[] };

/** What the flow answers when a balance does not suffice; V-14 unless the flow brings its own (V-43, V-52…). */
export type OnShort = (short: { available: number; licenseName: string; requested: number }) => Error;

export const notEnoughToTransfer: OnShort = ({ available, licenseName }) =>
  new ValidationError(TRANSFER_MSG.notEnough(available, licenseName), "quantity");

/**
 * INV-4a: the one way to draw on a Balance (transfer, upgrade, SLAC, SLR/PLR, substitution).
 *
 * 1. Locks the ACTIVE lots of every requested (VA, license) — plus its P-16 partner in the same
 *    VA, whose loan changes the balance — with `SELECT … FOR UPDATE` in one fixed order
 *    (VA id, then license definition id, then lot id), so concurrent draws cannot deadlock.
 * 2. Re-computes the balances under the lock (computeBalances, INV-2 with P-16) and refuses with
 *    `onShort(…)` (default V-14) when `quantity > max(0, Balance)` (INV-4) — also when the page
 *    the user acted on was stale.
 * 3. With `ledger`, consumes the lots earliest `end_date` first (perpetual last), lowering each
 *    lot's `quantity` and writing one ledger row of −taken per lot (INV-5). Without `ledger` it
 *    only checks: flows that raise In Use instead (SLAC, SLR/PLR) write their D-10 rows after it,
 *    in the same transaction, still under the lock.
 *
 * Must run inside the caller's transaction; the lock holds until it commits.
 */
export async function drawOnBalance(
  tx: Tx,
  request: BalanceDraw | BalanceDraw[],
  onShort: OnShort = notEnoughToTransfer,
  ledger?: DrawLedger,
): Promise<DrawResult[]> {
  const requests = Array.isArray(request) ? request : [request];
  if (requests.length === 0) return [];
  const licIds = [...new Set(requests.map((r) => r.licenseDefinitionId))];
  const defs = await tx
    .select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName, lowerId: licenseDefinitions.substitutesForId })
    .from(licenseDefinitions)
    .where(or(inArray(licenseDefinitions.id, licIds), inArray(licenseDefinitions.substitutesForId, licIds)));
  const nameOf = new Map(defs.map((d) => [d.id, d.name]));

  // The pairs to lock: each request plus its substitution partners (higher or lower tier).
  const pairs = new Map<string, { va: string; lic: string }>();
  for (const r of requests) {
    const partners = defs
      .filter((d) => d.id === r.licenseDefinitionId || d.lowerId === r.licenseDefinitionId)
      .flatMap((d) => [d.id, d.lowerId])
      .filter((id): id is string => Boolean(id));
    for (const lic of [r.licenseDefinitionId, ...partners]) pairs.set(`${r.virtualAccountId}|${lic}`, { va: r.virtualAccountId, lic });
  }
  const lockCondition = or(
    ...[...pairs.values()].map((p) => and(eq(licenseLots.virtualAccountId, p.va), eq(licenseLots.licenseDefinitionId, p.lic))),
  );
  const locked = await tx
    .select()
    .from(licenseLots)
    .where(and(eq(licenseLots.status, "ACTIVE"), lockCondition))
    .orderBy(asc(licenseLots.virtualAccountId), asc(licenseLots.licenseDefinitionId), asc(licenseLots.id))
    .for("update");

  const vaIds = [...new Set(requests.map((r) => r.virtualAccountId))];
  const balances = await computeBalances(tx, vaIds);
  const results: DrawResult[] = [];
  for (const r of requests) {
    const balance = balances.find((b) => b.virtualAccountId === r.virtualAccountId && b.licenseDefinitionId === r.licenseDefinitionId);
    const available = Math.max(0, balance?.balance ?? 0);
    const licenseName = nameOf.get(r.licenseDefinitionId) ?? "";
    if (r.quantity > available) throw onShort({ available, licenseName, requested: r.quantity });
    results.push({ ...r, available, licenseName, drawn: [] });
  }
  if (!ledger) return results;

  for (const result of results) {
    const lots = locked
      .filter((l) => l.virtualAccountId === result.virtualAccountId && l.licenseDefinitionId === result.licenseDefinitionId && l.quantity > 0)
      .sort(byConsumptionOrder);
    let left = result.quantity;
    for (const lot of lots) {
      if (left === 0) break;
      const taken = Math.min(lot.quantity, left);
      left -= taken;
      lot.quantity -= taken;
      await tx
        .update(licenseLots)
        .set({ quantity: sql`${licenseLots.quantity} - ${taken}` })
        .where(eq(licenseLots.id, lot.id));
      await tx.insert(licenseTransactions).values({
        ...ledger,
        virtualAccountId: result.virtualAccountId,
        licenseDefinitionId: result.licenseDefinitionId,
        lotId: lot.id,
        delta: -taken,
        sku: ledger.sku ?? lot.sku,
      });
      result.drawn.push({ lot: { ...lot, quantity: lot.quantity }, taken });
    }
    // Balance ≤ Purchased always holds (a borrowing tier never ends positive), so this is a guard only.
    if (left > 0) throw onShort({ available: result.quantity - left, licenseName: result.licenseName, requested: result.quantity });
  }
  return results;
}

/** INV-4: earliest `end_date` first, perpetual (no end date) last; then oldest start, then id. */
export function byConsumptionOrder(a: LicenseLot, b: LicenseLot): number {
  const end = (l: LicenseLot) => l.endDate ?? "9999-12-31";
  const start = (l: LicenseLot) => l.startDate ?? "0000-01-01";
  return end(a).localeCompare(end(b)) || start(a).localeCompare(start(b)) || a.id.localeCompare(b.id);
}
