import { and, eq, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  authorizationLines,
  authorizations,
  licenseDefinitions,
  licenseLots,
  licenseTransactions,
  licenseUsage,
  onpremServers,
  productInstances,
  type SmartAccount,
  type VirtualAccount,
  virtualAccounts,
} from "@/db/schema";
import { addDays, DAY_MS, isoDate } from "@/lib/clock";
import { config } from "@/lib/config";
import { formatDate } from "@/lib/format";
import { computeBalances } from "@/lib/licensing/balances";
import { categoryOf, nextReportDue, type PolicyCategory, rulesForVirtualAccounts } from "@/lib/policy/next-report-due";
import type { AlertSeverity, AlertType } from "./types";

/** One alert that P-11 says should exist now. */
export type Condition = {
  type: AlertType;
  severity: AlertSeverity;
  message: string;
  actionDueAt: Date | null;
  dedupeKey: string;
  smartAccountId: string;
  virtualAccountId: string | null;
  productInstanceId: string | null;
  licenseDefinitionId: string | null;
  onPremAccountId: string | null;
};

const EXPIRING_DAYS = 90;
const EXPIRING_MAJOR_DAYS = 30;
const EXPIRED_DAYS = 30;
const DUE_SOON_DAYS = 7;
const RECENT_DAYS = 7;
const SYNC_OVERDUE_DAYS = 30;
const SYNC_MAJOR_DAYS = 60;
const ONPREM_EXPIRED_DAYS = 90;

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const dateAt = (day: string) => new Date(`${day}T00:00:00Z`);

/** P-19 display name. */
export function piName(pi: { udiPid: string; udiSn: string; hostname: string | null; hostnameShared: boolean }): string {
  return pi.hostnameShared && pi.hostname ? pi.hostname : `UDI_PID:${pi.udiPid}; UDI_SN:${pi.udiSn};`;
}

type Base = Pick<Condition, "smartAccountId" | "virtualAccountId">;
const none = { productInstanceId: null, licenseDefinitionId: null, onPremAccountId: null };

/** VA and license scope: INSUFFICIENT_LICENSES, LICENSES_EXPIRING, LICENSES_EXPIRED, NEW_LICENSES. */
async function licenseConditions(db: DbOrTx, vas: VirtualAccount[], now: Date): Promise<Condition[]> {
  const out: Condition[] = [];
  const vaIds = vas.map((v) => v.id);
  const vaName = new Map(vas.map((v) => [v.id, v.name]));
  const today = isoDate(now);
  const balances = await computeBalances(db, vaIds);
  const lots = await db
    .select()
    .from(licenseLots)
    .where(and(inArray(licenseLots.virtualAccountId, vaIds), ne(licenseLots.status, "REPLACED")));
  const deposits = await db
    .select()
    .from(licenseTransactions)
    .where(
      and(
        inArray(licenseTransactions.virtualAccountId, vaIds),
        inArray(licenseTransactions.type, ["ORDER", "PAK_CONVERSION", "DEVICE_CONVERSION", "DLC"]),
        gte(licenseTransactions.occurredAt, addDays(now, -RECENT_DAYS)),
        lte(licenseTransactions.occurredAt, now),
      ),
    );
  const licIds = [
    ...new Set([...balances.map((b) => b.licenseDefinitionId), ...lots.map((l) => l.licenseDefinitionId), ...deposits.map((d) => d.licenseDefinitionId)]),
  ];
  const defs = licIds.length
    ? await db.select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName }).from(licenseDefinitions).where(inArray(licenseDefinitions.id, licIds))
    : [];
  const license = new Map(defs.map((d) => [d.id, d.name]));
  const base = (vaId: string, licId: string) => ({ virtualAccountId: vaId, licenseDefinitionId: licId, productInstanceId: null, onPremAccountId: null });

  for (const b of balances) {
    if (b.balance >= 0) continue;
    out.push({
      ...base(b.virtualAccountId, b.licenseDefinitionId),
      smartAccountId: "",
      type: "INSUFFICIENT_LICENSES",
      severity: "MAJOR",
      message: `The virtual account "${vaName.get(b.virtualAccountId)}" is using ${-b.balance} more "${license.get(b.licenseDefinitionId)}" licenses than it holds.`,
      actionDueAt: null,
      dedupeKey: `INSUFFICIENT_LICENSES|${b.virtualAccountId}|${b.licenseDefinitionId}`,
    });
  }

  // One continuous alert per VA and license: the earliest ending lot decides (P-11, P-14).
  const expiring = new Map<string, { vaId: string; licId: string; end: string; qty: number }>();
  const expired = new Map<string, { vaId: string; licId: string; end: string; qty: number }>();
  for (const lot of lots) {
    if (!lot.endDate) continue;
    const k = `${lot.virtualAccountId}|${lot.licenseDefinitionId}`;
    if (lot.status === "ACTIVE" && lot.quantity > 0) {
      const left = daysBetween(today, lot.endDate);
      if (left < 0 || left > EXPIRING_DAYS) continue;
      const cur = expiring.get(k);
      if (!cur || lot.endDate < cur.end) expiring.set(k, { vaId: lot.virtualAccountId, licId: lot.licenseDefinitionId, end: lot.endDate, qty: lot.quantity });
      else if (lot.endDate === cur.end) cur.qty += lot.quantity;
    } else if (lot.status === "EXPIRED" && lot.expiredQuantity > 0) {
      const since = daysBetween(lot.endDate, today);
      if (since < 0 || since > EXPIRED_DAYS) continue;
      const cur = expired.get(k);
      if (!cur || lot.endDate > cur.end) expired.set(k, { vaId: lot.virtualAccountId, licId: lot.licenseDefinitionId, end: lot.endDate, qty: lot.expiredQuantity });
      else if (lot.endDate === cur.end) cur.qty += lot.expiredQuantity;
    }
  }
  for (const e of expiring.values()) {
    const left = daysBetween(today, e.end);
    const severity: AlertSeverity = left <= EXPIRING_MAJOR_DAYS ? "MAJOR" : "MINOR";
    out.push({
      ...base(e.vaId, e.licId),
      smartAccountId: "",
      type: "LICENSES_EXPIRING",
      severity,
      message: `${e.qty} "${license.get(e.licId)}" licenses expire on ${formatDate(dateAt(e.end))} (in ${left} days).`,
      actionDueAt: dateAt(e.end),
      // The threshold is the severity band; the P-14 reminder days are never part of the key.
      dedupeKey: `LICENSES_EXPIRING|${e.vaId}|${e.licId}|${severity}`,
    });
  }
  for (const e of expired.values()) {
    out.push({
      ...base(e.vaId, e.licId),
      smartAccountId: "",
      type: "LICENSES_EXPIRED",
      severity: "MAJOR",
      message: `${e.qty} "${license.get(e.licId)}" licenses expired on ${formatDate(dateAt(e.end))}.`,
      actionDueAt: null,
      dedupeKey: `LICENSES_EXPIRED|${e.vaId}|${e.licId}`,
    });
  }
  for (const d of deposits) {
    if (d.delta <= 0) continue;
    const source =
      d.type === "ORDER" ? `order ${d.orderNumber ?? d.sku ?? ""}`.trim()
      : d.type === "PAK_CONVERSION" ? `PAK ${d.pak ?? ""}`.trim()
      : d.type === "DEVICE_CONVERSION" ? `device conversion ${d.udi ?? ""}`.trim()
      : `DLC ${d.udi ?? ""}`.trim();
    out.push({
      ...base(d.virtualAccountId, d.licenseDefinitionId),
      smartAccountId: "",
      type: "NEW_LICENSES",
      severity: "INFORMATIONAL",
      message: `${d.delta} "${license.get(d.licenseDefinitionId)}" licenses were added from ${source}.`,
      actionDueAt: null,
      dedupeKey: `NEW_LICENSES|${d.virtualAccountId}|${d.id}`,
    });
  }
  return out;
}

/** PI scope: failed to connect, overdue, due soon, authorization pending, reserved; refreshes the P-7 cache. */
async function instanceConditions(db: DbOrTx, sa: SmartAccount, vas: VirtualAccount[], now: Date): Promise<Condition[]> {
  const out: Condition[] = [];
  const pis = await db.select().from(productInstances).where(inArray(productInstances.virtualAccountId, vas.map((v) => v.id)));
  if (pis.length === 0) return out;
  const piIds = pis.map((p) => p.id);
  const usage = await db
    .select({
      piId: licenseUsage.productInstanceId,
      licId: licenseUsage.licenseDefinitionId,
      source: licenseUsage.source,
      count: licenseUsage.count,
      enforcement: licenseDefinitions.enforcement,
      duration: licenseDefinitions.duration,
      name: licenseDefinitions.displayName,
    })
    .from(licenseUsage)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
    .where(inArray(licenseUsage.productInstanceId, piIds));
  const auths = await db
    .select({ id: authorizations.id, piId: authorizations.productInstanceId, kind: authorizations.kind, status: authorizations.status, issuedAt: authorizations.issuedAt })
    .from(authorizations)
    .where(inArray(authorizations.productInstanceId, piIds));
  const installedIds = auths.filter((a) => a.status === "INSTALLED").map((a) => a.id);
  const lines = installedIds.length
    ? await db
        .select({ authId: authorizationLines.authorizationId, licId: authorizationLines.licenseDefinitionId })
        .from(authorizationLines)
        .where(inArray(authorizationLines.authorizationId, installedIds))
    : [];
  const authPi = new Map(auths.map((a) => [a.id, a.piId]));
  const covered = new Set(lines.map((l) => `${authPi.get(l.authId)}|${l.licId}`));
  const rules = await rulesForVirtualAccounts(db, sa, vas);
  const failedBefore = addDays(now, -config.failedToConnectDays);

  for (const pi of pis) {
    const name = piName(pi);
    const mine = usage.filter((u) => u.piId === pi.id && u.count > 0);
    const categories: PolicyCategory[] = mine.map((u) => categoryOf(u.enforcement, u.duration));
    const due = nextReportDue({ ...pi, categories }, rules.get(pi.virtualAccountId)!);
    if ((due?.getTime() ?? null) !== (pi.nextReportDueAt?.getTime() ?? null)) {
      await db.update(productInstances).set({ nextReportDueAt: due }).where(eq(productInstances.id, pi.id));
    }
    const base = { virtualAccountId: pi.virtualAccountId, productInstanceId: pi.id, licenseDefinitionId: null, onPremAccountId: null, smartAccountId: "" };
    const reserved = pi.reservation !== "NONE";
    if (!reserved && pi.firstConsumedAt && pi.lastContactAt && pi.lastContactAt < failedBefore) {
      out.push({
        ...base,
        type: "PI_FAILED_TO_CONNECT",
        severity: "MINOR",
        message: `"${name}" has not reported since ${formatDate(pi.lastContactAt)}.`,
        actionDueAt: null,
        dedupeKey: `PI_FAILED_TO_CONNECT|${pi.id}`,
      });
    }
    if (!reserved && due && due < now) {
      out.push({
        ...base,
        type: "REPORTING_OVERDUE",
        severity: "MAJOR",
        message: `A usage report from "${name}" was due on ${formatDate(due)}.`,
        actionDueAt: due,
        dedupeKey: `REPORTING_OVERDUE|${pi.id}`,
      });
    } else if (!reserved && due && due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS) {
      out.push({
        ...base,
        type: "REPORTING_DUE_SOON",
        severity: "MINOR",
        message: `A usage report from "${name}" is due on ${formatDate(due)}.`,
        actionDueAt: due,
        dedupeKey: `REPORTING_DUE_SOON|${pi.id}`,
      });
    }
    for (const u of mine) {
      if (u.source !== "REPORTED" || u.enforcement === "UNENFORCED" || covered.has(`${pi.id}|${u.licId}`)) continue;
      out.push({
        ...base,
        licenseDefinitionId: u.licId,
        type: "AUTHORIZATION_PENDING",
        severity: "MAJOR",
        message: `"${name}" uses "${u.name}" without an authorization code.`,
        actionDueAt: null,
        dedupeKey: `AUTHORIZATION_PENDING|${pi.id}|${u.licId}`,
      });
    }
    for (const a of auths) {
      if (a.piId !== pi.id || a.kind === "SLAC" || a.status === "RETURNED") continue;
      if (a.issuedAt < addDays(now, -RECENT_DAYS) || a.issuedAt > now) continue;
      out.push({
        ...base,
        type: "LICENSES_RESERVED",
        severity: "INFORMATIONAL",
        message: `Licenses were reserved on "${name}".`,
        actionDueAt: null,
        dedupeKey: `LICENSES_RESERVED|${pi.id}|${a.id}`,
      });
    }
  }
  return out;
}

/** SA scope: On-Prem servers (D-24h). A server unsynchronized for 90 days is marked `Expired`, never removed. */
async function onPremConditions(db: DbOrTx, sa: SmartAccount, now: Date): Promise<Condition[]> {
  const out: Condition[] = [];
  const servers = await db.select().from(onpremServers).where(and(eq(onpremServers.smartAccountId, sa.id), ne(onpremServers.status, "Removed")));
  for (const s of servers) {
    if (!s.lastSyncAt) continue;
    const age = (now.getTime() - s.lastSyncAt.getTime()) / DAY_MS;
    const base: Base & typeof none = { ...none, smartAccountId: sa.id, virtualAccountId: null };
    if (age > SYNC_OVERDUE_DAYS) {
      const severity: AlertSeverity = age > SYNC_MAJOR_DAYS ? "MAJOR" : "MINOR";
      out.push({
        ...base,
        onPremAccountId: s.id,
        type: "ONPREM_SYNC_OVERDUE",
        severity,
        message: `On-Prem "${s.name}" last synchronized on ${formatDate(s.lastSyncAt)}.`,
        actionDueAt: addDays(s.lastSyncAt, ONPREM_EXPIRED_DAYS),
        dedupeKey: `ONPREM_SYNC_OVERDUE|${s.id}|${severity}`,
      });
    }
    if (age > ONPREM_EXPIRED_DAYS) {
      if (s.status === "Registered") await db.update(onpremServers).set({ status: "Expired" }).where(eq(onpremServers.id, s.id));
      out.push({
        ...base,
        onPremAccountId: s.id,
        type: "ONPREM_EXPIRED",
        severity: "MAJOR",
        message: `On-Prem "${s.name}" has not synchronized for 90 days.`,
        actionDueAt: null,
        dedupeKey: `ONPREM_EXPIRED|${s.id}`,
      });
    }
  }
  return out;
}

/**
 * The P-11 conditions of one Smart Account: of the given VAs (their licenses and PIs), plus the
 * SA-level ones when `includeAccountLevel`.
 */
export async function deriveConditions(
  db: DbOrTx,
  sa: SmartAccount,
  vas: VirtualAccount[],
  includeAccountLevel: boolean,
  now: Date,
): Promise<Condition[]> {
  const out: Condition[] = [];
  if (vas.length) {
    out.push(...(await licenseConditions(db, vas, now)));
    out.push(...(await instanceConditions(db, sa, vas, now)));
  }
  if (includeAccountLevel) out.push(...(await onPremConditions(db, sa, now)));
  return out.map((c) => ({ ...c, smartAccountId: sa.id }));
}

export async function liveVirtualAccounts(db: DbOrTx, saId: string, vaId?: string | null): Promise<VirtualAccount[]> {
  return db
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, saId), isNull(virtualAccounts.deletedAt), vaId ? eq(virtualAccounts.id, vaId) : undefined));
}
