import { gunzipSync } from "node:zlib";
import { and, count, eq } from "drizzle-orm";
import { extract } from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Db } from "@/db/client";
import { acks, events, jobs, licenseUsage, productInstances, rumReports, usageDataFiles, usageFileMembers } from "@/db/schema";
import "@/lib/alerts/jobs";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { pinClock } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { runDueJobs } from "@/lib/jobs/runner";
import { seedDemo } from "@/lib/seed/demo";
import { EG_SA, piId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { findSignedElements, verifySignedElement } from "@/lib/signing/document";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { ACK_DATA_KEYS } from "@/lib/usage/ack";
import { assignVirtualAccounts } from "@/lib/usage/assign";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { bufferSource } from "@/lib/usage/inspect";
import "@/lib/usage/jobs";
import { downloadAck } from "@/lib/usage/download";
import { acceptUsageUpload } from "@/lib/usage/upload";
import { drivers, openTestDb } from "@/tests/helpers/db";
import { usageFile } from "@/tests/helpers/usage";

const T0 = new Date("2024-03-10T12:00:00Z");
const SA = saId(EG_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");

const actorOf = (ctx: AccessContext): Actor => ({ kind: "user", userId: ctx.user.id, ccoId: ctx.user.ccoId });

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
  let h: DatabaseHandle;
  let db: Db;
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
    h = await openTestDb(driver);
    db = h.db;
    pinClock(T0);
    await db.transaction((tx) => seedDemo(tx, T0));
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-vauser", "eg-viewer", "bu-admin"]) ctx[cco] = (await loadAccess(db, userId(cco)))!;
    await runDueJobs(db, 1000);
  });
  afterAll(async () => {
    await h?.close();
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
    expect(types).toEqual(expect.arrayContaining(["E-13", "E-21"]));
    const fileEvents = (await db.select({ type: events.type, message: events.message, actor: events.actorLabel }).from(events))
      .filter((e) => e.message.includes('"usage_report"'))
      .map((e) => [e.type, e.actor, e.message]);
    expect(fileEvents).toEqual([
      ["E-15", "eg-admin", `Usage data file "usage_report" was uploaded (${(bytes.length / 1024).toFixed(1)} KB).`],
      ["E-16", "eg-admin", 'Usage data file "usage_report" was assigned to "Eg-VA-01".'],
      ["E-17", "System", 'Usage data file "usage_report" was processed: 2 report(s) acknowledged, 0 duplicate(s), 0 error(s).'],
    ]);

    const download = await db.transaction((tx) => downloadAck(tx, ctx["eg-admin"], actorOf(ctx["eg-admin"]), up.id));
    expect(download.fileName).toBe("ACK_usage_report.txt");
    expect(download.bytes.toString("utf8")).toBe(xml);
    expect(await db.$count(events, eq(events.type, "E-18"))).toBe(1);
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
});

void count;
void piId;
