import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, licenseDefinitions, licenseLots, licenseTransactions, virtualAccounts } from "@/db/schema";
import { isoDate, now as clockNow } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { formatDate } from "@/lib/format";
import { daysBetween } from "./conditions";
import { optedInUsers, queueMail } from "./notify";

/** P-14 reminder days. */
export const REMINDER_DAYS = [90, 60, 30, 14, 7, 3, 1] as const;

export type ExpiryResult = {
  notices: number;
  expiredLots: number;
  /** The VAs whose lots changed, so their alerts can be recomputed. */
  scopes: { smartAccountId: string; virtualAccountId: string }[];
};

/**
 * P-14 daily job: on the reminder days it writes E-62 and queues the e-mail (once per lot and
 * day count, so a second run the same day adds nothing); from `end_date` + 1 it sets the lot to
 * EXPIRED, writes the EXPIRY ledger row (−quantity, INV-5) and E-63.
 */
export async function runExpiryJob(db: DbOrTx, at: Date = clockNow()): Promise<ExpiryResult> {
  const today = isoDate(at);
  const result: ExpiryResult = { notices: 0, expiredLots: 0, scopes: [] };
  const lots = await db
    .select({ lot: licenseLots, smartAccountId: virtualAccounts.smartAccountId, license: licenseDefinitions.displayName })
    .from(licenseLots)
    .innerJoin(virtualAccounts, eq(virtualAccounts.id, licenseLots.virtualAccountId))
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseLots.licenseDefinitionId))
    .where(and(eq(licenseLots.status, "ACTIVE"), isNotNull(licenseLots.endDate), isNull(virtualAccounts.deletedAt)))
    .orderBy(asc(licenseLots.endDate), asc(licenseLots.id));
  for (const { lot, smartAccountId, license } of lots) {
    const end = lot.endDate!;
    const left = daysBetween(today, end);
    const scope = {
      smartAccountId,
      virtualAccountId: lot.virtualAccountId,
      licenseDefinitionId: lot.licenseDefinitionId,
    };
    const date = formatDate(new Date(`${end}T00:00:00Z`));
    if ((REMINDER_DAYS as readonly number[]).includes(left) && lot.quantity > 0) {
      const [sent] = await db
        .select({ id: events.id })
        .from(events)
        .where(and(eq(events.type, "E-62"), sql`${events.data}->>'lotId' = ${lot.id}`, sql`${events.data}->>'days' = ${String(left)}`))
        .limit(1);
      if (sent) continue;
      await recordEvent(db, {
        type: "E-62",
        params: { qty: lot.quantity, license, n: left, date },
        actor: SYSTEM,
        ...scope,
        data: { lotId: lot.id, days: String(left) },
        occurredAt: at,
      });
      const to = await optedInUsers(db, smartAccountId, "LICENSES_EXPIRING", lot.virtualAccountId, "email");
      await queueMail(
        db,
        to.map((u) => u.email),
        `Licenses expire in ${left} day(s)`,
        `${lot.quantity} "${license}" license(s) expire in ${left} day(s) on ${date}.`,
      );
      result.notices++;
    } else if (left < 0) {
      const qty = lot.quantity;
      await db
        .update(licenseLots)
        .set({ status: "EXPIRED", quantity: 0, expiredQuantity: lot.expiredQuantity + qty })
        .where(eq(licenseLots.id, lot.id));
      if (qty > 0) {
        await db.insert(licenseTransactions).values({
          smartAccountId,
          virtualAccountId: lot.virtualAccountId,
          licenseDefinitionId: lot.licenseDefinitionId,
          lotId: lot.id,
          delta: -qty,
          type: "EXPIRY",
          sku: lot.sku,
          userId: null,
          occurredAt: at,
        });
      }
      await recordEvent(db, { type: "E-63", params: { qty, license, date }, actor: SYSTEM, ...scope, data: { lotId: lot.id }, occurredAt: at });
      result.expiredLots++;
      if (!result.scopes.some((s) => s.virtualAccountId === lot.virtualAccountId)) {
        result.scopes.push({ smartAccountId, virtualAccountId: lot.virtualAccountId });
      }
    }
  }
  return result;
}
