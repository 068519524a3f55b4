import { gunzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { extract } from "tar-stream";
import { beforeAll, describe, expect, it } from "vitest";
import { acks, events, jobs, licenseUsage, productInstances, rumReports, usageDataFiles, usageFileMembers } from "@/db/schema";
import "@/lib/alerts/jobs";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED } from "@/lib/access/errors";
import { pinClock } from "@/lib/clock";
import { computeBalances } from "@/lib/licensing/balances";
import type { Actor } from "@/lib/events/record";
import { runDueJobs } from "@/lib/jobs/runner";
import { EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { findSignedElements, verifySignedElement } from "@/lib/signing/document";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { ACK_DATA_KEYS } from "@/lib/usage/ack";
import { assignVirtualAccounts } from "@/lib/usage/assign";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { bufferSource } from "@/lib/usage/inspect";
import "@/lib/usage/jobs";
import { downloadAck } from "@/lib/usage/download";
import {
  PROCESSING_FAILED,
  V20_EMPTY,
  V21_TYPE,
  V22_NESTED,
  V25_NO_USAGE,
  V26_DOCTYPE,
  V27_NOT_USAGE,
  V27_NOTHING,
  V29_NO_PERMISSION,
  producedFor,
  v20TooLarge,
  v23Path,
  v24Link,
  v26NotWellFormed,
  v27NotJson,
} from "@/lib/usage/messages";
import { usageProcessingHooks } from "@/lib/usage/process/run";
import { getUsageFileDetail, listUsageFiles } from "@/lib/usage/query";
import { usageFileListSchema } from "@/lib/usage/schemas";
import { acceptUsageUpload } from "@/lib/usage/upload";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";
import { usageFile } from "@/tests/helpers/usage";

const SA = saId(EG_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const MINUTE = 60_000;

const actorOf = (ctx: AccessContext): Actor => ({ kind: "user", userId: ctx.user.id, ccoId: ctx.user.ccoId });

type RawEntry = { name: string; type?: "file" | "symlink"; linkname?: string; body?: Buffer };

async function usageTarWith(entries: RawEntry[]): Promise<Buffer> {
  const { pack } = await import("tar-stream");
  const p = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    p.on("data", (c) => chunks.push(c as Buffer));
    p.on("end", () => resolve(Buffer.concat(chunks)));
  });
  for (const e of entries) {
    if (e.type === "symlink") p.entry({ name: e.name, type: "symlink", linkname: e.linkname });
    else p.entry({ name: e.name }, e.body ?? Buffer.alloc(0));
  }
  p.finalize();
  return done;
}

async function nested(content: Buffer): Promise<Buffer> {
  const innermost = await usageTarWith([{ name: "dev.xml", body: content }]);
  const middle = await usageTarWith([{ name: "UD_b.tar", body: innermost }]);
  return usageTarWith([{ name: "UD_a.tar", body: middle }]);
}

async function untar(bytes: Buffer): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ex = extract();
  const done = (async () => {
    for await (const entry of ex) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      out.set(entry.header.name, Buffer.concat(parts).toString("utf8"));
    }
  })();
  ex.end(bytes[0] === 0x1f ? gunzipSync(bytes) : bytes);
  await done;
  return out;
}

describe.each(drivers)("[USAGE] W-10 usage data files (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { clock: T0 });
  const ctx: Record<string, AccessContext> = {};
  const verifies = async (el: Parameters<typeof verifySignedElement>[0]) =>
    verifySignedElement(el, new Map((await publishedSigningKeys(db)).map((k) => [k.keyId, k.publicPem])));

  const upload = (who: string, name: string, bytes: Buffer, sa = SA) =>
    acceptUsageUpload(db, ctx[who], actorOf(ctx[who]), bufferSource(bytes), { smartAccountId: sa, fileName: name });
  const assignAll = (who: string, fileId: string, va: string) =>
    db.transaction((tx) => assignVirtualAccounts(tx, ctx[who], actorOf(ctx[who]), { fileId, mode: "all", virtualAccountId: va }));
  const fileRow = async (id: string) => (await db.select().from(usageDataFiles).where(eq(usageDataFiles.id, id)))[0];
  const reportsOf = (id: string) => db.select().from(rumReports).where(eq(rumReports.usageDataFileId, id));
  const usageOf = async (pi: string, n: number) =>
    (await db.select().from(licenseUsage).where(and(eq(licenseUsage.productInstanceId, pi), eq(licenseUsage.licenseDefinitionId, licenseId(n)), eq(licenseUsage.source, "REPORTED"))))[0];
  const ackDocuments = (xml: string) => {
    const found = findSignedElements(xml);
    return { found, rumAck: JSON.parse(found.find((f) => f.element === "smartLicenseRumAck")!.dataText) };
  };

  beforeAll(async () => {
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-vauser", "eg-viewer", "bu-admin"]) ctx[cco] = (await loadAccess(db, userId(cco)))!;
    await runDueJobs(db, 1000);
  });

  it("seeds DD-8 through the real ingest, with downloadable signed ACKs and the DD-6 state untouched", async () => {
    const files = await db.select().from(usageDataFiles).where(eq(usageDataFiles.smartAccountId, SA));
    const byName = new Map(files.map((f) => [f.fileName, f]));
    const day = (f: { reportedAt: Date }) => Math.round((T0.getTime() - f.reportedAt.getTime()) / 86_400_000);
    expect(
      ["usage_report", "UD_20240201T101500.tar", "rum_branch.xml"].map((n) => {
        const f = byName.get(n)!;
        return [n, f.virtualAccountId, day(f), f.status, f.deviceCount, f.ackFileName];
      }),
    ).toEqual([
      ["usage_report", VA01, 51, "NO_ERRORS", 1, "ACK_usage_report.txt"],
      ["UD_20240201T101500.tar", KRAKOW, 38, "NO_ERRORS", 6, "ACK_UD_20240201T101500.tar"],
      ["rum_branch.xml", vaId(EG_SA, "Branch-Routers"), 12, "ERRORS", 1, "ACK_rum_branch.txt"],
    ]);
    const branch = await reportsOf(byName.get("rum_branch.xml")!.id);
    expect(branch.filter((r) => r.status === "ERROR").map((r) => r.message)).toEqual([expect.stringMatching(/^Unknown entitlement tag regid\./)]);
    const { rumAck, found } = ackDocuments(byName.get("usage_report")!.ackBlob!.toString("utf8"));
    for (const f of found) expect(await verifies(f)).toBe(true);
    expect(rumAck.reports).toHaveLength(5);
    const tar = await untar(byName.get("UD_20240201T101500.tar")!.ackBlob!);
    expect([...tar.keys()].filter((k) => k.startsWith("ACK_dev_"))).toHaveLength(6);
    const [isr] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FDO222815Y4"));
    expect(isr.lastContactAt?.toISOString()).toBe(new Date(T0.getTime() - 3 * 86_400_000).toISOString());
    expect(isr.lastAckAt?.toISOString()).toBe(new Date(T0.getTime() - 3 * 86_400_000).toISOString());
    expect(await db.$count(events, eq(events.type, "E-21"))).toBe(0);
  });

  it("runs the whole flow for an XML file: upload, Select Virtual Accounts, chunks, signed ACK @smoke", async () => {
    const bytes = usageFile(
      [
        { pid: "C9300-24UX", sn: "FOC9999X001", reportId: 101, license: 27, count: 1 },
        { pid: "C9300-24UX", sn: "FOC9999X001", reportId: 102, license: 28, count: 2, shape: "A" },
      ],
      T0,
    );
    const up = await upload("eg-admin", "usage_report", bytes);
    expect(up.status).toBe("AWAITING_VA");
    let file = await fileRow(up.id);
    expect(file).toMatchObject({ fileName: "usage_report", container: "XML", kind: "RUM", sizeBytes: bytes.length, status: "AWAITING_VA", virtualAccountId: null });
    expect(await db.$count(jobs, eq(jobs.kind, "usage-file"))).toBe(0);

    await assignAll("eg-admin", up.id, VA01);
    file = await fileRow(up.id);
    expect(file.status).toBe("PROCESSING");
    expect(await runDueJobs(db, 1000)).toBeGreaterThan(0);

    file = await fileRow(up.id);
    expect(file).toMatchObject({ status: "NO_ERRORS", deviceCount: 1, ackFileName: "ACK_usage_report.txt", virtualAccountId: VA01 });
    const rows = await reportsOf(up.id);
    expect(rows.map((r) => [r.reportId, r.status, r.signatureStatus, r.count]).sort()).toEqual([
      [101, "ACK", "VERIFIED", 1],
      [102, "ACK", "VERIFIED", 2],
    ]);
    const [pi] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC9999X001"));
    expect(pi).toMatchObject({ virtualAccountId: VA01, productType: "C9300", channel: "UPLOAD" });
    expect(pi.lastAckAt?.toISOString()).toBe(T0.toISOString());
    expect(pi.firstConsumedAt?.toISOString()).toBe(T0.toISOString());
    expect(pi.nextReportDueAt).not.toBeNull();
    expect((await usageOf(pi.id, 28)).count).toBe(2);

    const xml = file.ackBlob!.toString("utf8");
    const { found, rumAck } = ackDocuments(xml);
    expect(found.map((f) => f.element)).toEqual(["smartLicenseRumAck", "smartLicensePolicy"]);
    for (const f of found) expect(await verifies(f)).toBe(true);
    expect(Object.keys(rumAck).sort()).toEqual([...ACK_DATA_KEYS].sort());
    expect(rumAck).toMatchObject({
      version: "1.0",
      type: "rum_ack",
      smart_account: { name: "Eg-SA-01", domain: "eg-sa-01.example.com", account_id: "402117" },
      virtual_account: { name: "Eg-VA-01" },
      source: { file_name: "usage_report", channel: "UPLOAD" },
      ack_required: true,
      trust_codes: [],
      subscriptions: [],
      dlc: [],
      authorizations: [],
      elements: [],
      policy: { name: "SLP Policy" },
    });
    expect(rumAck.reports).toEqual([
      { udi: { udi_pid: "C9300-24UX", udi_serial_number: "FOC9999X001" }, report_id: 101, status: "ACK", message: "" },
      { udi: { udi_pid: "C9300-24UX", udi_serial_number: "FOC9999X001" }, report_id: 102, status: "ACK", message: "" },
    ]);
    expect(rumAck.next_report_due).toEqual([{ udi: { udi_pid: "C9300-24UX", udi_serial_number: "FOC9999X001" }, due_at: pi.nextReportDueAt!.getTime() }]);
    const [ack] = await db.select().from(acks).where(eq(acks.usageDataFileId, up.id));
    expect(ack.id).toBe(rumAck.ack_id);
    expect(file.ackId).toBe(ack.id);

    const types = (await db.select({ type: events.type }).from(events).where(eq(events.productInstanceId, pi.id))).map((e) => e.type);
    // A new instance is announced by E-13; its first counts are not logged as changes (E-21).
    expect(types).toEqual(["E-13"]);
    const fileEvents = (
      await db
        .select({ type: events.type, message: events.message, actor: events.actorLabel })
        .from(events)
        .where(and(sql`${events.data}->>'usageDataFileId' = ${up.id}`, sql`${events.type} in ('E-15', 'E-16', 'E-17')`))
        .orderBy(events.id)
    ).map((e) => [e.type, e.actor, e.message]);
    expect(fileEvents).toEqual([
      ["E-15", "eg-admin", `Usage data file "usage_report" was uploaded (${(bytes.length / 1024).toFixed(1)} KB).`],
      ["E-16", "eg-admin", 'Usage data file "usage_report" was assigned to "Eg-VA-01".'],
      ["E-17", "System", 'Usage data file "usage_report" was processed: 2 report(s) acknowledged, 0 duplicate(s), 0 error(s).'],
    ]);

    const download = await db.transaction((tx) => downloadAck(tx, ctx["eg-admin"], actorOf(ctx["eg-admin"]), up.id));
    expect(download.fileName).toBe("ACK_usage_report.txt");
    expect(download.bytes.toString("utf8")).toBe(xml);
    expect(await db.$count(events, and(eq(events.type, "E-18"), sql`${events.data}->>'usageDataFileId' = ${up.id}`))).toBe(1);
  });

  it("processes a tar.gz with a manifest and a nested UD_ member, and answers with an ACK tar per member VA", async () => {
    const at = T0;
    const inner = await usageTar({
      smartAccount: "Eg-SA-01",
      gzip: true,
      members: [{ name: "dev_FOC9999X003_1.xml", content: usageFile([{ pid: "C9300-24UX", sn: "FOC9999X003", reportId: 301, license: 27 }], at), va: "krakow lan-sw" }],
    });
    const bundle = await usageTar({
      smartAccount: "Eg-SA-01",
      gzip: true,
      members: [
        { name: "dev_FOC9999X002_1.xml", content: usageFile([{ pid: "C9300-24UX", sn: "FOC9999X002", reportId: 201, license: 27 }], at), va: "Eg-VA-01" },
        { name: "UD_20240310T110000.tar.gz", content: inner },
      ],
    });
    const up = await upload("eg-admin", "UD_20240310T120000.tar.gz", bundle);
    expect(up.status).toBe("PROCESSING");
    const members = await db.select().from(usageFileMembers).where(eq(usageFileMembers.fileId, up.id));
    expect(members.map((m) => [m.memberName, m.assignedVaId]).sort()).toEqual([
      ["UD_20240310T110000.tar.gz/dev_FOC9999X003_1.xml", KRAKOW],
      ["dev_FOC9999X002_1.xml", VA01],
    ]);
    await runDueJobs(db, 1000);
    const file = await fileRow(up.id);
    expect(file).toMatchObject({ status: "NO_ERRORS", deviceCount: 2, container: "TGZ", ackFileName: "ACK_UD_20240310T120000.tar.gz" });
    const tar = await untar(file.ackBlob!);
    expect([...tar.keys()]).toEqual(["manifest.mf", "ACK_dev_FOC9999X002_1.xml", "ACK_dev_FOC9999X003_1.xml"]);
    expect(tar.get("manifest.mf")).toBe("Manifest-Version: 1.0\nCreated-By: OpenSSM\nACK-For: UD_20240310T120000.tar.gz\nSmart-Account: Eg-SA-01\n");
    const a = ackDocuments(tar.get("ACK_dev_FOC9999X002_1.xml")!).rumAck;
    const b = ackDocuments(tar.get("ACK_dev_FOC9999X003_1.xml")!).rumAck;
    expect([a.virtual_account.name, a.policy.name, a.reports[0].report_id]).toEqual(["Eg-VA-01", "SLP Policy", 201]);
    expect([b.virtual_account.name, b.policy.name, b.reports[0].report_id]).toEqual(["Krakow LAN-SW", "SLE Policy", 301]);
    expect(await db.$count(acks, eq(acks.usageDataFileId, up.id))).toBe(2);
    const [pi3] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC9999X003"));
    expect(pi3.virtualAccountId).toBe(KRAKOW);
  });

  it("drops every report of a file uploaded twice, leaving usage and balances unchanged (INV-7)", async () => {
    const bytes = usageFile([{ pid: "C9300-24UX", sn: "FOC9999X004", reportId: 401, license: 27, count: 3 }], T0);
    const first = await upload("eg-admin", "twice.xml", bytes);
    await assignAll("eg-admin", first.id, VA01);
    await runDueJobs(db, 1000);
    const before = await computeBalances(db, [VA01]);
    const second = await upload("eg-admin", "twice.xml", bytes);
    await assignAll("eg-admin", second.id, VA01);
    await runDueJobs(db, 1000);
    expect(await computeBalances(db, [VA01])).toEqual(before);
    expect((await reportsOf(second.id)).map((r) => [r.status, r.message])).toEqual([["DROPPED", "Report already received."]]);
    expect(await fileRow(second.id)).toMatchObject({ status: "NO_ERRORS", deviceCount: 1 });
    const acked = await db.$count(rumReports, and(eq(rumReports.udiSn, "FOC9999X004"), eq(rumReports.status, "ACK")));
    expect(acked).toBe(1);
    const e17 = await db.select({ message: events.message }).from(events).where(and(eq(events.type, "E-17"), sql`${events.data}->>'usageDataFileId' = ${second.id}`));
    expect(e17.map((e) => e.message)).toEqual(['Usage data file "twice.xml" was processed: 0 report(s) acknowledged, 1 duplicate(s), 0 error(s).']);
  });

  it("applies a big file in chunks of 1,000, resumes after a crash from the recorded progress, and counts nothing twice", async () => {
    const reports = Array.from({ length: 2500 }, (_, i) => ({ pid: "C9300-48UXM", sn: `FOCR${String(Math.floor(i / 5)).padStart(4, "0")}`, reportId: 1000 + i, license: 25 }));
    const up = await upload("eg-admin", "big.xml", usageFile(reports, T0));
    await assignAll("eg-admin", up.id, VA02);
    let crashed = false;
    usageProcessingHooks.afterChunk = ({ fileId, chunk }) => {
      if (fileId === up.id && chunk === 2 && !crashed) {
        crashed = true;
        throw new Error("simulated crash");
      }
    };
    try {
      await runDueJobs(db, 1000);
      expect(crashed).toBe(true);
      expect((await fileRow(up.id)).status).toBe("PROCESSING");
      const [job] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `usage-file:${up.id}`));
      expect(job).toMatchObject({ attempts: 1, doneAt: null, error: "simulated crash" });
      expect(job.progress).toMatchObject({ next: 1000, chunks: 1 });
      expect(await db.$count(rumReports, eq(rumReports.usageDataFileId, up.id))).toBe(1000);

      pinClock(new Date(T0.getTime() + 2 * MINUTE));
      await runDueJobs(db, 1000);
      const [done] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `usage-file:${up.id}`));
      expect(done.doneAt).not.toBeNull();
      expect(done.progress).toMatchObject({ next: 2500, chunks: 3 });
    } finally {
      usageProcessingHooks.afterChunk = undefined;
      pinClock(T0);
    }
    expect(await fileRow(up.id)).toMatchObject({ status: "NO_ERRORS", deviceCount: 500 });
    const rows = await reportsOf(up.id);
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r.reportId)).size).toBe(2500);
    expect(rows.every((r) => r.status === "ACK")).toBe(true);
    const created = await db.select({ id: productInstances.id }).from(productInstances).where(sql`${productInstances.udiSn} like 'FOCR%'`);
    expect(created).toHaveLength(500);
    expect(await db.$count(events, and(eq(events.type, "E-13"), sql`${events.data}->>'usageDataFileId' = ${up.id}`))).toBe(500);
    const usage = await db.select().from(licenseUsage).where(sql`${licenseUsage.productInstanceId} in (select id from product_instances where udi_sn like 'FOCR%')`);
    expect(usage).toHaveLength(500);
    expect(usage.every((u) => u.count === 1)).toBe(true);
  });

  it("gives up after 3 failed attempts: Errors, the W-10 message, and no ACK", async () => {
    const up = await upload("eg-admin", "doomed.xml", usageFile([{ pid: "C9300-24UX", sn: "FOC9999X005", reportId: 501, license: 27 }], T0));
    await assignAll("eg-admin", up.id, VA01);
    usageProcessingHooks.afterChunk = ({ fileId }) => {
      if (fileId === up.id) throw new Error("always failing");
    };
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        pinClock(new Date(T0.getTime() + attempt * 20 * MINUTE));
        await runDueJobs(db, 1000);
      }
    } finally {
      usageProcessingHooks.afterChunk = undefined;
      pinClock(T0);
    }
    const file = await fileRow(up.id);
    expect(file).toMatchObject({ status: "ERRORS", ackBlob: null, ackFileName: null });
    expect((file.errorSummary as { message: string }).message).toBe(PROCESSING_FAILED);
    const [job] = await db.select().from(jobs).where(eq(jobs.dedupeKey, `usage-file:${up.id}`));
    expect(job).toMatchObject({ attempts: 3 });
    expect(job.doneAt).not.toBeNull();
    expect(await db.$count(rumReports, eq(rumReports.usageDataFileId, up.id))).toBe(0);
  });

  it("waits for a virtual account per member, offering only writable VAs and warning about another Smart Account", async () => {
    const bundle = await usageTar({
      smartAccount: "BU Production Test",
      members: [
        { name: "dev_A_1.xml", content: usageFile([{ pid: "C9300-24UX", sn: "FOC9999X006", reportId: 601, license: 27 }], T0), va: "Eg-VA-01" },
        { name: "dev_B_1.xml", content: usageFile([{ pid: "C9300-24UX", sn: "FOC9999X007", reportId: 701, license: 27 }], T0) },
      ],
    });
    const up = await upload("eg-admin", "UD_other.tar", bundle);
    expect(up.status).toBe("AWAITING_VA");
    const detail = await getUsageFileDetail(db, ctx["eg-admin"], up.id);
    expect(detail.awaiting.map((m) => m.name)).toEqual(["dev_A_1.xml", "dev_B_1.xml"]);
    expect(detail.producedFor).toBe(producedFor("BU Production Test"));
    const ids = Object.fromEntries(detail.awaiting.map((m) => [m.name, m.id]));

    await expect(
      db.transaction((tx) => assignVirtualAccounts(tx, ctx["eg-vaadmin"], actorOf(ctx["eg-vaadmin"]), { fileId: up.id, mode: "all", virtualAccountId: KRAKOW })),
    ).rejects.toThrow(ForbiddenError);
    await db.transaction((tx) =>
      assignVirtualAccounts(tx, ctx["eg-admin"], actorOf(ctx["eg-admin"]), { fileId: up.id, mode: "each", members: { [ids["dev_A_1.xml"]]: VA01, [ids["dev_B_1.xml"]]: VA02 } }),
    );
    await expect(assignAll("eg-admin", up.id, VA01)).rejects.toThrow("This item was changed by someone else. Reload and try again.");
    await runDueJobs(db, 1000);
    expect(await fileRow(up.id)).toMatchObject({ status: "NO_ERRORS", deviceCount: 2, virtualAccountId: VA01 });
    const e16 = await db.select({ message: events.message }).from(events).where(and(eq(events.type, "E-16"), sql`${events.data}->>'usageDataFileId' = ${up.id}`));
    expect(e16.map((e) => e.message).sort()).toEqual(['Usage data file "UD_other.tar" was assigned to "Eg-VA-01".', 'Usage data file "UD_other.tar" was assigned to "Eg-VA-02".']);

    // A VA the uploader can only read counts as unknown (W-10 step 3.7).
    const viewerOnly = await usageTar({
      smartAccount: "Eg-SA-01",
      members: [{ name: "dev_C_1.xml", content: usageFile([{ pid: "C9300-24UX", sn: "FOC9999X008", reportId: 801, license: 27 }], T0), va: "Krakow LAN-SW" }],
    });
    expect((await upload("eg-vauser", "UD_krakow.tar", viewerOnly)).status).toBe("AWAITING_VA");
  });

  it("refuses bad uploads with SPEC's message and leaves nothing behind (INV-13)", async () => {
    const good = usageFile([{ pid: "C9300-24UX", sn: "FOC9999X009", reportId: 901, license: 27 }], T0);
    const counts = async () => ({
      files: await db.$count(usageDataFiles),
      members: await db.$count(usageFileMembers),
      events: await db.$count(events),
      jobs: await db.$count(jobs),
    });
    const before = await counts();
    const cases: [string, Buffer | Promise<Buffer>, string][] = [
      ["empty.xml", Buffer.alloc(0), V20_EMPTY],
      ["usage.zip", good, V21_TYPE],
      ["dtd.xml", Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><smartLicense>&e;</smartLicense>'), V26_DOCTYPE],
      ["broken.xml", Buffer.from("<smartLicense>\n<RUMReport>{}</RUMReport>\n<RUMReport>"), v26NotWellFormed(3, 12)],
      ["other.xml", Buffer.from("<licenses><RUMReport>{}</RUMReport></licenses>"), V27_NOT_USAGE],
      ["nothing.xml", Buffer.from("<smartLicense><Hello>{}</Hello></smartLicense>"), V27_NOTHING],
      ["json.xml", Buffer.from("<smartLicense><RUMReport>{oops</RUMReport></smartLicense>"), v27NotJson(1)],
      ["UD_link.tar", usageTarWith([{ name: "dev.xml", type: "symlink", linkname: "/etc/passwd" }]), v24Link("dev.xml")],
      ["UD_path.tar", usageTarWith([{ name: "../dev.xml", body: good }]), v23Path("../dev.xml")],
      ["UD_nested.tar", nested(good), V22_NESTED],
      ["UD_empty.tar", usageTarWith([{ name: "notes.pdf", body: Buffer.from("x") }]), V25_NO_USAGE],
    ];
    for (const [name, bytes, message] of cases) {
      await expect(upload("eg-admin", name, await bytes), name).rejects.toThrow(message);
    }
    process.env.OPENSSM_MAX_UPLOAD_MB = "0.0005";
    try {
      await expect(upload("eg-admin", "big.xml", good)).rejects.toThrow(v20TooLarge(0.0005));
    } finally {
      delete process.env.OPENSSM_MAX_UPLOAD_MB;
    }
    await expect(upload("eg-viewer", "usage.xml", good)).rejects.toThrow(V29_NO_PERMISSION);
    expect(await counts()).toEqual(before);
  });

  it("checks D-3 for upload, assignment, listing and download", async () => {
    const bytes = usageFile([{ pid: "C9300-24UX", sn: "FOC9999X010", reportId: 1001, license: 27 }], T0);
    const krakowFile = await upload("eg-admin", "krakow.xml", bytes);
    await expect(assignAll("eg-viewer", krakowFile.id, KRAKOW)).rejects.toThrow(PERMISSION_DENIED);
    await expect(assignAll("bu-admin", krakowFile.id, KRAKOW)).rejects.toThrow(NotFoundError);
    await assignAll("eg-admin", krakowFile.id, KRAKOW);
    await runDueJobs(db, 1000);
    const download = (who: string, id: string) => db.transaction((tx) => downloadAck(tx, ctx[who], actorOf(ctx[who]), id));
    await expect(download("eg-viewer", krakowFile.id)).rejects.toThrow(ForbiddenError);
    await expect(download("eg-viewer", krakowFile.id)).rejects.toThrow(PERMISSION_DENIED);
    await expect(download("eg-vauser", krakowFile.id)).rejects.toThrow(PERMISSION_DENIED); // VA Viewer on Krakow
    await expect(download("eg-vaadmin", krakowFile.id)).rejects.toThrow(NotFoundError); // no role on Krakow
    await expect(download("bu-admin", krakowFile.id)).rejects.toThrow(NotFoundError);
    expect((await download("eg-admin", krakowFile.id)).fileName).toBe("ACK_krakow.txt");

    const mine = await upload("eg-vauser", "vauser.xml", usageFile([{ pid: "C9300-24UX", sn: "FOC9999X011", reportId: 1101, license: 27 }], T0));
    await db.transaction((tx) => assignVirtualAccounts(tx, ctx["eg-vauser"], actorOf(ctx["eg-vauser"]), { fileId: mine.id, mode: "all", virtualAccountId: VA01 }));
    await runDueJobs(db, 1000);
    expect((await download("eg-vauser", mine.id)).fileName).toBe("ACK_vauser.txt");

    const list = async (who: string, q?: string) =>
      (await listUsageFiles(db, ctx[who], usageFileListSchema.parse({ sa: SA, q, pageSize: 100 }))).rows.map((r) => r.fileName);
    const all = await list("eg-admin");
    expect(all[0]).toBe("vauser.xml");
    expect(all).toEqual(expect.arrayContaining(["krakow.xml", "usage_report", "UD_20240310T120000.tar.gz"]));
    const vaAdmin = await list("eg-vaadmin");
    expect(vaAdmin).toContain("usage_report");
    expect(vaAdmin).not.toContain("krakow.xml");
    expect(await list("eg-admin", "KRAKOW")).toEqual(expect.arrayContaining(["krakow.xml", "UD_20240310T120000.tar.gz"]));
    expect(await list("eg-admin", "krakow.x")).toEqual(["krakow.xml"]);
    await expect(list("bu-admin")).rejects.toThrow(NotFoundError);
    const page = await listUsageFiles(db, ctx["eg-viewer"], usageFileListSchema.parse({ sa: SA }));
    expect(page).toMatchObject({ canUpload: false, pageSize: 10 });
    expect(page.rows.every((r) => !r.canDownload)).toBe(true);
  });
});
