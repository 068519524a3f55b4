import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseLots, productInstances, rumReports, usageDataFiles, usageFileMembers } from "@/db/schema";
import { anyOf, bulkInsert, selectRows, unnestColumns } from "@/lib/sql/bulk";
import { type AnyEventInput, SYSTEM } from "@/lib/events/record";
import { effectivePolicyForVirtualAccount, signedPolicyElement } from "@/lib/policy/document";
import { currentSigningKey } from "@/lib/signing/keys";
import { type AckElement, type AckReport, type AckSubscription, type AckTrustCode, ackData, ackMemberNames, ackTar, ackXml } from "../ack";
import { ackFileName } from "../upload/file-name";
import type { ElementOutcome } from "./elements";
import { handleElement } from "./elements";
import type { ProcessEnv } from "./env";
import { acknowledgeAndRecomputeDue } from "./next-due";
import type { Problem } from "./reports";
import { reportIdOf, type Work, type WorkMember } from "./work";

type Results = {
  reports: (AckReport & { seq: number; piId: string | null; licenseId: string | null; tag: string | null })[];
  trustCodes: AckTrustCode[];
  elements: AckElement[];
  dlc: unknown[];
  authorizations: unknown[];
  piIds: Set<string>;
};

const udiJson = (pid: string, sn: string) => ({ udi_pid: pid, udi_serial_number: sn });

/**
 * W-10 steps 6.7–6.9 after the last chunk, in one transaction: the non-report elements, the ACK of
 * every usage member built from the results of all chunks (F-3; a tar upload gets a tar back),
 * `last_ack_at`, `next_report_due_at`, `device_count`, the file status and E-17.
 */
export async function finishUsageFile(tx: Tx, env: ProcessEnv, work: Work, problems: Problem[]): Promise<void> {
  const { file, sa, at } = env;
  const events: AnyEventInput[] = [];
  const results = new Map<WorkMember, Results>(
    work.members.map((m) => [m, { reports: [], trustCodes: [], elements: [], dlc: [], authorizations: [], piIds: new Set<string>() }]),
  );

  for (const item of work.others) {
    const r: ElementOutcome = await handleElement(tx, env, item, events);
    const into = results.get(item.member)!;
    into.trustCodes.push(...(r.trustCodes ?? []));
    into.elements.push(...(r.elements ?? []));
    into.dlc.push(...(r.dlc ?? []));
    into.authorizations.push(...(r.authorizations ?? []));
    for (const id of r.piIds ?? []) into.piIds.add(id);
  }

  const bySeq = new Map(work.reports.map((it) => [reportIdOf(file.id, it), it]));
  // Raw rows: this reads every report of the file, and the ORM's row mapping would cost more than the query.
  const rows = await selectRows<{ id: string; pid: string; sn: string; reportId: string | number; status: "ACK" | "DROPPED" | "ERROR"; message: string | null; piId: string | null; licenseId: string | null; tag: string | null }>(
    tx,
    sql`select id, udi_pid as pid, udi_sn as sn, report_id as "reportId", status, message, product_instance_id as "piId", license_definition_id as "licenseId", entitlement_tag as tag
      from ${rumReports} where usage_data_file_id = ${file.id}`,
  );
  for (const row of rows) {
    const item = bySeq.get(row.id);
    if (!item) continue;
    results.get(item.member)!.reports.push({
      seq: item.seq,
      udi: udiJson(row.pid, row.sn),
      report_id: Number(row.reportId),
      status: row.status,
      message: row.message ?? "",
      piId: row.piId,
      licenseId: row.licenseId,
      tag: row.tag,
    });
  }
  for (const p of problems) {
    results.get(work.members[p.memberIndex])!.reports.push({
      seq: p.seq,
      udi: p.udi ? udiJson(p.udi.udiPid, p.udi.udiSn) : udiJson("", ""),
      report_id: p.reportId,
      status: "ERROR",
      message: p.message,
      piId: null,
      licenseId: null,
      tag: null,
    });
  }
  for (const r of results.values()) r.reports.sort((a, b) => a.seq - b.seq);

  // 6.8–6.9: every PI with at least one acknowledged report gets `last_ack_at`; touched ones a new due date.
  const all = [...results.values()];
  const ackedPis = [...new Set(all.flatMap((r) => r.reports.filter((x) => x.status === "ACK" && x.piId).map((x) => x.piId!)))];
  const touched = [...new Set([...ackedPis, ...all.flatMap((r) => [...r.piIds])])];
  const due = await acknowledgeAndRecomputeDue(tx, env, touched, new Set(ackedPis));
  const subscriptions = await subscriptionsFor(tx, env, ackedPis);

  const key = await currentSigningKey(tx);
  const policies = new Map<string, { xml: string; policy: Awaited<ReturnType<typeof effectivePolicyForVirtualAccount>> }>();
  const policyOf = async (vaId: string) => {
    if (!policies.has(vaId)) {
      const policy = await effectivePolicyForVirtualAccount(tx, vaId);
      policies.set(vaId, { policy, xml: (await signedPolicyElement(tx, policy, at)).xml });
    }
    return policies.get(vaId)!;
  };

  const anyAck = all.some((r) => r.reports.some((x) => x.status === "ACK"));
  const hasErrors = (r: Results) =>
    r.reports.some((x) => x.status === "ERROR") || r.elements.length > 0 || (!anyAck && r.trustCodes.some((t) => t.status === "FAILED"));
  const producing = work.members.filter((m) => {
    const r = results.get(m)!;
    return file.container === "XML" || r.reports.length + r.trustCodes.length + r.elements.length + r.dlc.length + r.authorizations.length > 0;
  });
  const names = ackMemberNames(producing.map((m) => m.name));
  const ackDocument = async (member: WorkMember, name: string): Promise<AckDocument> => {
    const r = results.get(member)!;
    const va = env.vas.get(member.vaId)!;
    const { policy, xml: policyXml } = await policyOf(member.vaId);
    const ackId = randomUUID();
    const pis = new Map<string, { pid: string; sn: string }>();
    for (const x of r.reports) if (x.status === "ACK" && x.piId) pis.set(x.piId, { pid: x.udi.udi_pid, sn: x.udi.udi_serial_number });
    const data = ackData({
      ackId,
      issuedAt: at,
      smartAccount: { name: sa.name, domain: sa.domain, accountId: sa.accountId },
      virtualAccount: { name: va.name, vaNumericId: va.vaNumericId },
      source: { fileName: file.container === "XML" ? file.fileName : member.name, channel: env.channel },
      ackRequired: policy.ackRequired.value,
      reports: r.reports.map((x) => ({ udi: x.udi, report_id: x.report_id, status: x.status, message: x.message })),
      trustCodes: r.trustCodes,
      subscriptions: subscriptionEntries(r, subscriptions),
      dlc: r.dlc,
      authorizations: r.authorizations,
      elements: r.elements,
      policy: { id: policy.id, name: policy.name, version: policy.version },
      nextReportDue: [...pis.entries()].map(([id, u]) => ({ udi: udiJson(u.pid, u.sn), dueAt: due.get(id) ?? null })),
    });
    return { name, xml: ackXml(key, data, policyXml), ackId, member, policyId: policy.id, results: r };
  };

  // Signing is CPU work and storing is database work: each batch is signed while the one before
  // it is written, yielding now and then so the statement in flight is not held up.
  const documents: AckDocument[] = [];
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < producing.length; start += ACK_BATCH) {
    const batch: AckDocument[] = [];
    for (let i = start; i < Math.min(start + ACK_BATCH, producing.length); i++) {
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      batch.push(await ackDocument(producing[i], names[i]));
    }
    await writing;
    writing = insertAcks(tx, env, batch);
    writing.catch(() => {});
    documents.push(...batch);
  }
  // The tar is packed, and compressed off the main thread, while the last batch is written.
  const ackBlob =
    file.container === "XML"
      ? Promise.resolve(Buffer.from(documents[0].xml, "utf8"))
      : ackTar(file.fileName, sa.name, documents.map((d) => ({ name: d.name, xml: d.xml })), file.container === "TGZ");
  ackBlob.catch(() => {});
  await writing;

  const reports = all.flatMap((r) => r.reports);
  const devices = new Set(reports.filter((x) => x.udi.udi_pid).map((x) => `${x.udi.udi_pid.toLowerCase()}|${x.udi.udi_serial_number.toLowerCase()}`));
  const errorCount = reports.filter((x) => x.status === "ERROR").length + all.reduce((n, r) => n + r.elements.length, 0);
  const status = work.members.some((m) => hasErrors(results.get(m)!)) ? "ERRORS" : "NO_ERRORS";
  const previous = (file.errorSummary ?? {}) as { warnings?: string[] };
  const elementErrors = work.members.flatMap((m) => results.get(m)!.elements.map((e) => ({ member: m.name, ...e })));
  const trustFailures = anyAck ? [] : work.members.flatMap((m) => results.get(m)!.trustCodes.filter((t) => t.status === "FAILED").map((t) => ({ member: m.name, ...t })));
  await tx
    .update(usageDataFiles)
    .set({
      status,
      deviceCount: devices.size,
      ackBlob: await ackBlob,
      ackFileName: ackFileName(file.fileName, file.container, file.kind === "SLAC_REQUEST"),
      ackId: documents[0]?.ackId ?? null,
      processedAt: at,
      errorSummary: {
        warnings: previous.warnings ?? [],
        problems: problems.map((p) => ({ member: work.members[p.memberIndex].name, udi: p.udi, report_id: p.reportId ?? p.rawReportId, message: p.message })),
        elements: elementErrors,
        trust_codes: trustFailures,
      },
    })
    .where(eq(usageDataFiles.id, file.id));
  const memberStatus = unnestColumns([
    ["id", "uuid", work.members.map((m) => m.row.id)],
    ["status", "usage_file_status", work.members.map((m) => (hasErrors(results.get(m)!) ? "ERRORS" : "NO_ERRORS"))],
  ]);
  await tx.execute(sql`update ${usageFileMembers} as m set status = v.status from ${memberStatus} where m.id = v.id`);
  const vaIds = [...new Set(work.members.map((m) => m.vaId))];
  events.push({
    type: "E-17",
    params: {
      file: file.fileName,
      n: reports.filter((x) => x.status === "ACK").length,
      d: reports.filter((x) => x.status === "DROPPED").length,
      e: errorCount,
    },
    actor: SYSTEM,
    smartAccountId: sa.id,
    virtualAccountId: vaIds[0],
    alsoVirtualAccountIds: vaIds,
    occurredAt: at,
    data: { usageDataFileId: file.id, status },
  });
  await env.events(tx, events);
}

type AckDocument = { name: string; xml: string; ackId: string; member: WorkMember; policyId: string; results: Results };

/** ACK documents per `insertAcks` statement (about 3 KiB each). */
const ACK_BATCH = 150;

/** D-14 rows for the documents, with their summaries. */
async function insertAcks(tx: DbOrTx, env: ProcessEnv, documents: AckDocument[]): Promise<void> {
  const summaries = documents.map((d) => ({
    policy_id: d.policyId,
    reports: d.results.reports.map((x) => ({ udi: x.udi, report_id: x.report_id, status: x.status })),
    trust_codes: d.results.trustCodes.map((t) => ({ udi: t.udi, status: t.status })),
    elements: d.results.elements.length,
  }));
  await bulkInsert(tx, "acks", [
    ["id", "uuid", documents.map((d) => d.ackId)],
    ["smart_account_id", "uuid", documents.map(() => env.sa.id)],
    ["virtual_account_id", "uuid", documents.map((d) => d.member.vaId)],
    ["usage_data_file_id", "uuid", documents.map(() => env.file.id)],
    ["channel", "report_channel", documents.map(() => env.channel)],
    ["xml", "text", documents.map((d) => d.xml)],
    ["summary", "jsonb", summaries.map((x) => JSON.stringify(x))],
    ["created_at", "timestamptz", documents.map(() => env.at)],
  ]);
}

type SubscriptionLot = { vaId: string; licenseId: string; subscriptionId: string };

/** P-10: for utility-mode PIs, the usage-billed lot with the earliest end date per license. */
async function subscriptionsFor(tx: DbOrTx, env: ProcessEnv, piIds: string[]) {
  const utility = new Map<string, string>();
  if (piIds.length) {
    const rows = await tx
      .select({ id: productInstances.id, vaId: productInstances.virtualAccountId })
      .from(productInstances)
      .where(and(sql`${productInstances.id} ${anyOf(piIds, "uuid")}`, eq(productInstances.utilityMode, true)));
    for (const r of rows) utility.set(r.id, r.vaId);
  }
  const lots: SubscriptionLot[] = [];
  const vaIds = [...new Set(utility.values())];
  if (vaIds.length) {
    const rows = await tx
      .select({ vaId: licenseLots.virtualAccountId, licenseId: licenseLots.licenseDefinitionId, subscriptionId: licenseLots.subscriptionId })
      .from(licenseLots)
      .where(and(inArray(licenseLots.virtualAccountId, vaIds), eq(licenseLots.status, "ACTIVE"), isNotNull(licenseLots.subscriptionId)))
      .orderBy(sql`${licenseLots.endDate} asc nulls last`, asc(licenseLots.id));
    for (const r of rows) lots.push({ vaId: r.vaId, licenseId: r.licenseId, subscriptionId: r.subscriptionId! });
  }
  return { utility, lots, licenses: env.licensesById };
}

function subscriptionEntries(r: Results, s: Awaited<ReturnType<typeof subscriptionsFor>>): AckSubscription[] {
  const out: AckSubscription[] = [];
  const seen = new Set<string>();
  for (const x of r.reports) {
    if (x.status !== "ACK" || !x.piId || !x.licenseId || !x.tag) continue;
    const vaId = s.utility.get(x.piId);
    const license = s.licenses.get(x.licenseId);
    if (!vaId || license?.billing !== "USAGE") continue;
    const key = `${x.piId}|${x.licenseId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lot = s.lots.find((l) => l.vaId === vaId && l.licenseId === x.licenseId);
    if (lot) out.push({ udi: x.udi, entitlement_tag: x.tag, subscription_id: lot.subscriptionId });
  }
  return out;
}
