import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Alert, alerts, productInstances, smartAccounts } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { type Condition, deriveConditions, liveVirtualAccounts } from "./conditions";
import { optedInUsers, queueMail } from "./notify";
import { ALERT_LABELS, eventText, notifyKeyOf } from "./types";

/** What a recompute covers: one VA (its licenses and PIs), or a whole Smart Account. */
export type AlertScope = { smartAccountId: string; virtualAccountId?: string | null };

export type RecomputeResult = { raised: number; cleared: number; updated: number };

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

async function openAlertsInScope(db: DbOrTx, scope: AlertScope): Promise<Alert[]> {
  const open = isNull(alerts.clearedAt);
  if (!scope.virtualAccountId) {
    return db.select().from(alerts).where(and(open, eq(alerts.smartAccountId, scope.smartAccountId)));
  }
  // PI alerts follow their instance (it may have moved here); VA/license alerts stay with the VA.
  const piIds = (
    await db.select({ id: productInstances.id }).from(productInstances).where(eq(productInstances.virtualAccountId, scope.virtualAccountId))
  ).map((p) => p.id);
  const vaLevel = and(eq(alerts.virtualAccountId, scope.virtualAccountId), isNull(alerts.productInstanceId));
  return db
    .select()
    .from(alerts)
    .where(and(open, eq(alerts.smartAccountId, scope.smartAccountId), piIds.length ? or(vaLevel, inArray(alerts.productInstanceId, piIds)) : vaLevel));
}

function eventScope(a: Pick<Alert, "smartAccountId" | "virtualAccountId" | "productInstanceId" | "licenseDefinitionId">) {
  return {
    smartAccountId: a.smartAccountId,
    virtualAccountId: a.virtualAccountId,
    productInstanceId: a.productInstanceId,
    licenseDefinitionId: a.licenseDefinitionId,
  };
}

async function raise(db: DbOrTx, c: Condition, at: Date): Promise<void> {
  await db.insert(alerts).values({ ...c, raisedAt: at });
  await recordEvent(db, { type: "E-60", params: { alert: eventText(c.message) }, actor: SYSTEM, ...eventScope(c), occurredAt: at });
  const to = await optedInUsers(db, c.smartAccountId, notifyKeyOf(c.type), c.virtualAccountId, "email");
  await queueMail(db, to.map((u) => u.email), `Alert: ${ALERT_LABELS[c.type]}`, c.message);
}

/**
 * P-11/P-13: derives the conditions of the scope, raises the missing alerts (E-60 and opted-in
 * e-mails), clears those whose condition no longer holds (E-61) and refreshes the wording of the
 * others without an event. A dismissed alert stays open (and hidden) until its condition clears.
 */
export async function recomputeAlerts(db: DbOrTx, scope: AlertScope, at: Date = clockNow()): Promise<RecomputeResult> {
  const result: RecomputeResult = { raised: 0, cleared: 0, updated: 0 };
  const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, scope.smartAccountId));
  if (!sa) return result;
  const vas = await liveVirtualAccounts(db, sa.id, scope.virtualAccountId);
  const wanted = await deriveConditions(db, sa, vas, !scope.virtualAccountId, at);
  wanted.sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey));
  const existing = new Map((await openAlertsInScope(db, scope)).map((a) => [a.dedupeKey, a]));
  const wantedKeys = new Set(wanted.map((c) => c.dedupeKey));

  for (const alert of [...existing.values()].sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey))) {
    if (wantedKeys.has(alert.dedupeKey)) continue;
    await db.update(alerts).set({ clearedAt: at }).where(eq(alerts.id, alert.id));
    await recordEvent(db, {
      type: "E-61",
      params: { change: "cleared", alert: eventText(alert.message) },
      actor: SYSTEM,
      ...eventScope(alert),
      occurredAt: at,
    });
    result.cleared++;
  }
  for (const c of wanted) {
    const current = existing.get(c.dedupeKey);
    if (!current) {
      // Another VA's recompute may hold the key (a PI alert that moved with its instance).
      const [elsewhere] = await db
        .select()
        .from(alerts)
        .where(and(isNull(alerts.clearedAt), sql`${alerts.dedupeKey} = ${c.dedupeKey}`));
      if (!elsewhere) {
        await raise(db, c, at);
        result.raised++;
        continue;
      }
      existing.set(c.dedupeKey, elsewhere);
    }
    const row = existing.get(c.dedupeKey)!;
    if (
      row.message !== c.message ||
      row.severity !== c.severity ||
      !sameTime(row.actionDueAt, c.actionDueAt) ||
      row.virtualAccountId !== c.virtualAccountId ||
      row.licenseDefinitionId !== c.licenseDefinitionId
    ) {
      await db
        .update(alerts)
        .set({ message: c.message, severity: c.severity, actionDueAt: c.actionDueAt, virtualAccountId: c.virtualAccountId, licenseDefinitionId: c.licenseDefinitionId })
        .where(eq(alerts.id, row.id));
      result.updated++;
    }
  }
  return result;
}

/** Recomputes every Smart Account, each in its own scope (hourly job, after the demo seed). */
export async function recomputeAllAlerts(db: DbOrTx, at: Date = clockNow()): Promise<RecomputeResult> {
  const total: RecomputeResult = { raised: 0, cleared: 0, updated: 0 };
  const sas = await db.select({ id: smartAccounts.id }).from(smartAccounts).orderBy(asc(smartAccounts.id));
  for (const sa of sas) {
    const r = await recomputeAlerts(db, { smartAccountId: sa.id }, at);
    total.raised += r.raised;
    total.cleared += r.cleared;
    total.updated += r.updated;
  }
  return total;
}
