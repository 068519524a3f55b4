import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type LicenseDefinition, licenseUsage, productInstances, rumReports, trustCodes } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { unseal } from "@/lib/crypto/seal";
import { type AnyEventInput, SYSTEM } from "@/lib/events/record";
import { formatDate } from "@/lib/format";
import { categoryOf } from "@/lib/policy/next-report-due";
import { EXPORT_PREPAID_ONLY, V32_DUPLICATE, v31Unknown } from "../messages";
import { checkRumSignature, normaliseRumReport, type RumReport, type SignatureCheck, type Udi } from "../parse/rum";
import type { ProcessEnv } from "./env";
import { anyOf, arrayParam, bulkInsert, type Column, selectRows, unnestColumns } from "@/lib/sql/bulk";
import { findProductInstances, type PiInitial, PiResolver, type PiRow, udiKey, writePiChanges } from "./pi";
import { reportIdOf, type WorkItem } from "./work";

/** A report that could not be identified (no UDI or report id), so D-15 cannot hold it. */
export type Problem = { seq: number; memberIndex: number; udi: Udi | null; reportId: number | null; rawReportId: string | null; message: string };

type Outcome = {
  item: WorkItem;
  id: string;
  reportId: number;
  /** Null when normalisation failed after the UDI and report id were read. */
  report: RumReport | null;
  udi: Udi;
  status: "ACK" | "DROPPED" | "ERROR";
  message: string;
  signatureStatus: "VERIFIED" | "IGNORED" | "FAILED";
  license: LicenseDefinition | null;
  pi: PiRow | null;
};

const iso = (d: Date) => d.toISOString();
const stripDot = (m: string) => m.replace(/\.$/, "");

/** A chunk's reports after the work that needs no database: normalised, builtin signatures checked. */
export type PreparedChunk = {
  parsed: { item: WorkItem; id: string; report: RumReport; signature: SignatureCheck | null }[];
  early: Outcome[];
  problems: Problem[];
};

export const emptyChunk = (): PreparedChunk => ({ parsed: [], early: [], problems: [] });

/**
 * W-10 step 6.1 without the database, appending to `into` (the job prepares the next chunk while
 * the current one is written): F-1.3 normalisation, and the F-1.4 check of `builtin` signatures;
 * a `trust` signature waits for the device's secret (`signature` null).
 */
export function prepareReportChunk(env: ProcessEnv, items: WorkItem[], memberIndex: Map<WorkItem["member"], number>, into: PreparedChunk = emptyChunk()): PreparedChunk {
  for (const item of items) {
    const id = reportIdOf(env.file.id, item);
    const r = normaliseRumReport(item.entry.body, env.at);
    if (r.ok) {
      const builtin = r.report.signingType === "builtin" || env.ignoreSignatures;
      into.parsed.push({ item, id, report: r.report, signature: builtin ? checkRumSignature(item.entry.body, r.report, null, env.ignoreSignatures) : null });
      continue;
    }
    if (!r.udi || r.reportId === null) {
      into.problems.push({ seq: item.seq, memberIndex: memberIndex.get(item.member)!, udi: r.udi, reportId: r.reportId, rawReportId: r.rawReportId ?? null, message: r.message });
      continue;
    }
    into.early.push({
      item,
      id,
      reportId: r.reportId,
      report: null,
      udi: r.udi,
      status: "ERROR",
      message: r.message,
      signatureStatus: checkRumSignature(item.entry.body, r.udi, null, env.ignoreSignatures).status,
      license: null,
      pi: null,
    });
  }
  return into;
}

/** What a chunk leaves for the next: its unidentifiable reports, and how many PIs it created. */
export type ChunkResult = { problems: Problem[]; createdPis: number };

/**
 * W-10 steps 6.1–6.6 for one prepared chunk of ≤ 1,000 reports, in the caller's transaction, in a
 * few statements per table: verify trust signatures (F-1.4), resolve the license (V-30, V-31),
 * drop duplicates (INV-7), find, create or move the PI (V-36, V-36a), store D-15, set D-10 from
 * the latest report (E-21), update the PIs, and log E-13/E-14/E-19/E-37. Reports this file has
 * already recorded (a re-run after a crash) are skipped; `fresh` says no run has committed the chunk.
 */
export async function applyReportChunk(tx: DbOrTx, env: ProcessEnv, chunk: PreparedChunk, opts: { fresh?: boolean } = {}): Promise<ChunkResult> {
  const done = opts.fresh ? new Set<string>() : await recordedIds(tx, chunk);
  const parsed = chunk.parsed.filter((p) => !done.has(p.id));
  const early = chunk.early.filter((e) => !done.has(e.id));

  const known = await findProductInstances(tx, [...parsed.map((p) => p.report), ...early.map((e) => e.udi)]);
  const trustPis = parsed.filter((p) => p.report.signingType === "trust").map((p) => known.get(udiKey(p.report))?.id).filter((id): id is string => Boolean(id));
  const secrets = new Map<string, Buffer>();
  if (trustPis.length && !env.ignoreSignatures) {
    const rows = await tx
      .select({ pi: trustCodes.productInstanceId, secret: trustCodes.secret })
      .from(trustCodes)
      .where(and(sql`${trustCodes.productInstanceId} ${anyOf([...new Set(trustPis)], "uuid")}`, isNull(trustCodes.supersededAt)));
    for (const r of rows) secrets.set(r.pi, unseal(r.secret, "credential-encryption"));
  }

  const outcomes: (Outcome & { report: RumReport })[] = [];
  for (const p of parsed) {
    const existing = known.get(udiKey(p.report));
    // Rows keep the UDI as the PI stores it, so duplicates are found with the exact-match index.
    const udi: Udi = existing ? { udiPid: existing.udiPid, udiSn: existing.udiSn } : { udiPid: p.report.udiPid, udiSn: p.report.udiSn };
    const o: Outcome & { report: RumReport } = { item: p.item, id: p.id, reportId: p.report.reportId, report: p.report, udi, status: "ACK", message: "", signatureStatus: "VERIFIED", license: null, pi: null };
    const sig = p.signature ?? checkRumSignature(p.item.entry.body, p.report, existing ? (secrets.get(existing.id) ?? null) : null, env.ignoreSignatures);
    o.signatureStatus = sig.status;
    if (sig.status === "FAILED") Object.assign(o, { status: "ERROR", message: sig.message });
    else {
      o.license = env.licensesByTag.get(p.report.entitlementTag.toLowerCase()) ?? null;
      if (!o.license) Object.assign(o, { status: "ERROR", message: v31Unknown(p.report.entitlementTag) });
    }
    outcomes.push(o);
  }

  // INV-7: an id already acknowledged for this UDI (by any file), or earlier in this chunk, drops.
  const candidates = outcomes.filter((o) => o.status === "ACK");
  const acked = new Set<string>();
  if (candidates.length) {
    const values = unnestColumns([
      ["pid", "text", candidates.map((o) => o.udi.udiPid)],
      ["sn", "text", candidates.map((o) => o.udi.udiSn)],
      ["rid", "bigint", candidates.map((o) => o.report.reportId)],
    ]);
    const rows = await selectRows<{ pid: string; sn: string; rid: string | number }>(tx, sql`
      select v.pid, v.sn, v.rid from ${values}
      cross join lateral (
        select 1 from ${rumReports} r where r.udi_pid = v.pid and r.udi_sn = v.sn and r.report_id = v.rid and r.status = 'ACK' limit 1
      ) as found`);
    for (const r of rows) acked.add(`${udiKey({ udiPid: r.pid, udiSn: r.sn })}|${Number(r.rid)}`);
  }
  for (const o of candidates) {
    const key = `${udiKey(o.udi)}|${o.report.reportId}`;
    if (acked.has(key)) Object.assign(o, { status: "DROPPED", message: V32_DUPLICATE });
    else acked.add(key);
  }

  const resolver = new PiResolver(env, known);
  for (const o of outcomes) {
    if (o.status !== "ACK") {
      const pi = known.get(udiKey(o.udi));
      o.pi = pi && pi.smartAccountId === env.sa.id ? pi : null;
      continue;
    }
    const r = resolver.resolve(o.udi, o.item.member.vaId, { softwareTag: o.report.softwareTag, softwareVersion: o.report.softwareVersion, haMembers: o.report.haMembers });
    if ("error" in r) {
      Object.assign(o, { status: "ERROR", message: r.error });
      const pi = known.get(udiKey(o.udi));
      o.pi = pi && pi.smartAccountId === env.sa.id ? pi : null;
    } else {
      o.pi = r.pi;
      if (o.report.utilityEnabled && o.license?.enforcement === "EXPORT_CONTROLLED") o.message = EXPORT_PREPAID_ONLY;
    }
  }
  for (const e of early) {
    const pi = known.get(udiKey(e.udi));
    e.pi = pi && pi.smartAccountId === env.sa.id ? pi : null;
  }

  const events: AnyEventInput[] = [];
  const all = [...early, ...outcomes].sort((a, b) => a.item.seq - b.item.seq);
  const patches = piPatches(all);
  const created = new Set(resolver.created.map((p) => p.id));
  await writePiChanges(tx, env, resolver, events, patches);
  await applyUsage(tx, env, outcomes.filter((o) => o.status === "ACK"), created, events);
  await insertRumReports(tx, env, all);
  await updateProductInstances(tx, env, [...patches.entries()].filter(([id]) => !created.has(id)));
  for (const o of all) {
    if (o.status !== "ERROR" || !o.pi) continue;
    events.push({
      type: "E-19",
      params: { reportId: o.reportId, message: stripDot(o.message) },
      actor: SYSTEM,
      smartAccountId: env.sa.id,
      virtualAccountId: o.pi.virtualAccountId,
      productInstanceId: o.pi.id,
      occurredAt: env.at,
      data: { usageDataFileId: env.file.id },
    });
  }
  await env.events(tx, events);
  return { problems: chunk.problems, createdPis: created.size };
}

/** The chunk's reports a previous run already stored (it crashed before recording its progress). */
async function recordedIds(tx: DbOrTx, chunk: PreparedChunk): Promise<Set<string>> {
  const ids = [...chunk.parsed.map((p) => p.id), ...chunk.early.map((e) => e.id)];
  // One index probe per id whatever the planner's statistics say (they lag while a file is applied).
  const recorded = await selectRows<{ id: string }>(tx, sql`
    select v.id from unnest(${arrayParam(ids, "uuid")}) as v(id)
    cross join lateral (select 1 from ${rumReports} r where r.id = v.id limit 1) as found`);
  return new Set(recorded.map((r) => r.id));
}

async function insertRumReports(tx: DbOrTx, env: ProcessEnv, all: Outcome[]): Promise<void> {
  const col = <T>(name: string, type: string, f: (o: Outcome) => T) => [name, type, all.map(f)] as Column;
  await bulkInsert(
    tx,
    "rum_reports",
    [
      col("id", "uuid", (o) => o.id),
      col("smart_account_id", "uuid", () => env.sa.id),
      col("virtual_account_id", "uuid", (o) => o.item.member.vaId),
      col("product_instance_id", "uuid", (o) => o.pi?.id ?? null),
      col("udi_pid", "text", (o) => o.udi.udiPid),
      col("udi_sn", "text", (o) => o.udi.udiSn),
      col("report_id", "bigint", (o) => o.reportId),
      col("entitlement_tag", "text", (o) => o.report?.entitlementTag ?? null),
      col("license_definition_id", "uuid", (o) => o.license?.id ?? null),
      col("payload_version", "text", (o) => o.report?.payloadVersion ?? null),
      col("start_time", "timestamptz", (o) => o.report?.startTime ?? null),
      col("end_time", "timestamptz", (o) => o.report?.endTime ?? null),
      col("count", "integer", (o) => o.report?.count ?? null),
      col("utility_enabled", "boolean", (o) => o.report?.utilityEnabled ?? false),
      col("software_version", "text", (o) => o.report?.softwareVersion ?? null),
      col("signature_status", "signature_status", (o) => o.signatureStatus),
      col("status", "rum_status", (o) => o.status),
      col("message", "text", (o) => o.message || null),
      col("usage_data_file_id", "uuid", () => env.file.id),
      col("received_via", "report_channel", () => env.channel),
      col("received_at", "timestamptz", () => env.at),
    ],
    sql`on conflict (id) do nothing`,
  );
}

type Acked = Outcome & { report: RumReport };

async function applyUsage(tx: DbOrTx, env: ProcessEnv, acked: Acked[], created: Set<string>, events: AnyEventInput[]): Promise<void> {
  if (acked.length === 0) return;
  const best = new Map<string, Acked>();
  for (const o of acked) {
    const key = `${o.pi!.id}|${o.license!.id}`;
    const prev = best.get(key);
    if (!prev || o.report.endTime >= prev.report.endTime) best.set(key, o);
  }
  // PIs created by this chunk have no usage yet: only the others are looked up.
  const piIds = [...new Set(acked.map((o) => o.pi!.id))].filter((id) => !created.has(id));
  const existing = new Map<string, { count: number; endTime: Date | null }>();
  if (piIds.length) {
    const rows = await tx
      .select({ pi: licenseUsage.productInstanceId, license: licenseUsage.licenseDefinitionId, count: licenseUsage.count, endTime: rumReports.endTime })
      .from(licenseUsage)
      .leftJoin(
        rumReports,
        and(
          eq(rumReports.productInstanceId, licenseUsage.productInstanceId),
          eq(rumReports.licenseDefinitionId, licenseUsage.licenseDefinitionId),
          eq(rumReports.reportId, licenseUsage.lastReportId),
          eq(rumReports.status, "ACK"),
        ),
      )
      .where(and(eq(licenseUsage.source, "REPORTED"), sql`${licenseUsage.productInstanceId} ${anyOf(piIds, "uuid")}`));
    for (const r of rows) existing.set(`${r.pi}|${r.license}`, { count: r.count, endTime: r.endTime });
  }
  const upserts: Acked[] = [];
  for (const [key, o] of best) {
    const prev = existing.get(key);
    if (prev?.endTime && prev.endTime > o.report.endTime) continue;
    upserts.push(o);
    const old = prev?.count ?? 0;
    // A PI created by this chunk is announced by E-13; its first counts are not a change.
    if (old !== o.report.count && !created.has(o.pi!.id)) {
      events.push({
        type: "E-21",
        params: { license: o.license!.displayName, old, new: o.report.count },
        actor: SYSTEM,
        smartAccountId: env.sa.id,
        virtualAccountId: o.pi!.virtualAccountId,
        productInstanceId: o.pi!.id,
        licenseDefinitionId: o.license!.id,
        occurredAt: env.at,
        data: { reportId: o.report.reportId, usageDataFileId: env.file.id },
      });
    }
  }
  const col = <T>(name: string, type: string, f: (o: Acked) => T) => [name, type, upserts.map(f)] as Column;
  await bulkInsert(
    tx,
    "license_usage",
    [
      col("product_instance_id", "uuid", (o) => o.pi!.id),
      col("license_definition_id", "uuid", (o) => o.license!.id),
      col("source", "usage_source", () => "REPORTED"),
      col("count", "integer", (o) => o.report.count),
      col("last_report_id", "bigint", (o) => o.report.reportId),
      col("updated_at", "timestamptz", () => env.at),
    ],
    sql`on conflict (product_instance_id, license_definition_id, source) do update set count = excluded.count, last_report_id = excluded.last_report_id, updated_at = excluded.updated_at`,
  );
  for (const o of acked) lateChange(env, o, events);
}

/** P-9: the first change between consecutive measurements, reported after `change_c` days (E-37). */
function lateChange(env: ProcessEnv, o: Acked, events: AnyEventInput[]): void {
  const ms = o.report.measurements;
  const i = ms.findIndex((m, k) => k > 0 && m.count !== ms[k - 1].count);
  if (i < 0) return;
  const rules = env.rules.get(o.item.member.vaId);
  if (!rules) return;
  const limit = rules[categoryOf(o.license!.enforcement, o.license!.duration)].change;
  const t = ms[i].start;
  const arrived = env.file.reportedAt;
  if (limit <= 0 || arrived.getTime() <= t.getTime() + limit * DAY_MS) return;
  const late = Math.max(1, Math.ceil((arrived.getTime() - t.getTime()) / DAY_MS - limit));
  events.push({
    type: "E-37",
    params: { license: o.license!.displayName, date: formatDate(t), n: late, limit },
    actor: SYSTEM,
    smartAccountId: env.sa.id,
    virtualAccountId: o.pi!.virtualAccountId,
    productInstanceId: o.pi!.id,
    licenseDefinitionId: o.license!.id,
    shownIn: ["PI"],
    occurredAt: env.at,
    data: { reportId: o.report.reportId },
  });
}

/** W-10 step 6.6 per PI: what the chunk's reports tell about it (the latest acknowledged one decides). */
function piPatches(all: Outcome[]): Map<string, PiInitial> {
  const patches = new Map<string, PiInitial & { latest: RumReport | null }>();
  for (const o of all) {
    if (!o.pi) continue;
    const p = patches.get(o.pi.id) ?? { acked: false, consumed: false, utility: null, version: null, ha: null, latest: null };
    if (o.status === "ACK" && o.report) {
      p.acked = true;
      if (o.report.measurements.some((m) => m.count > 0)) p.consumed = true;
      if (!p.latest || o.report.endTime >= p.latest.endTime) {
        p.latest = o.report;
        // P-10: utility mode follows the latest report's flag, or its subscription ids.
        p.utility = o.report.utilityEnabled || o.report.subscriptionIds.length > 0;
        p.version = o.report.softwareVersion;
        p.ha = o.report.haMembers.length ? o.report.haMembers : null;
      }
    }
    patches.set(o.pi.id, p);
  }
  return patches;
}

/**
 * W-10 step 6.6 for PIs that existed before the chunk, in one statement: `last_contact_at` for
 * every PI a report named; for acknowledged ones also `last_report_at`, `first_consumed_at`, the
 * utility flag, software version and HA members. Times only move forward, so a late file never
 * turns a PI's clock back.
 */
async function updateProductInstances(tx: DbOrTx, env: ProcessEnv, patches: [string, PiInitial][]): Promise<void> {
  if (patches.length === 0) return;
  const col = <T>(name: string, type: string, f: (p: PiInitial) => T) => [name, type, patches.map(([, p]) => f(p))] as Column;
  const values = unnestColumns([
    ["id", "uuid", patches.map(([id]) => id)],
    col("acked", "boolean", (p) => p.acked),
    col("consumed", "boolean", (p) => p.consumed),
    col("utility", "boolean", (p) => p.utility),
    col("version", "text", (p) => p.version),
    col("ha", "jsonb", (p) => (p.ha ? JSON.stringify(p.ha) : null)),
  ]);
  const at = iso(env.at);
  await tx.execute(sql`
    update ${productInstances} as p set
      last_contact_at = greatest(p.last_contact_at, ${at}::timestamptz),
      last_report_at = case when v.acked then greatest(p.last_report_at, ${at}::timestamptz) else p.last_report_at end,
      first_consumed_at = case when v.consumed then coalesce(p.first_consumed_at, ${at}::timestamptz) else p.first_consumed_at end,
      utility_mode = coalesce(v.utility, p.utility_mode),
      software_version = coalesce(v.version, p.software_version),
      ha_members = coalesce(v.ha, p.ha_members),
      channel = case when v.acked then ${env.channel}::pi_channel else p.channel end
    from ${values}
    where p.id = v.id`);
}
