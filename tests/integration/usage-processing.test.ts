import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { conversions, events, licenseUsage, productInstances, rumReports, trustCodes, usageDataFiles, virtualAccounts } from "@/db/schema";
import { listLicenseRows } from "@/lib/licensing/licenses";
import "@/lib/alerts/jobs";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { addDays } from "@/lib/clock";
import { unseal } from "@/lib/crypto/seal";
import type { Actor } from "@/lib/events/record";
import { runDueJobs } from "@/lib/jobs/runner";
import { BU_SA, EG_SA, piId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { entitlementTag, licenseId, syntheticTag } from "@/lib/seed/reference";
import { assignVirtualAccounts } from "@/lib/usage/assign";
import { instanceInfo, rumEnvelope, rumPayload, trustCodeRequest, type UsageChild } from "@/lib/usage/format/rum-writer";
import { bufferSource } from "@/lib/usage/inspect";
import "@/lib/usage/jobs";
import {
  EXPORT_PREPAID_ONLY,
  V32B_SIGNATURE,
  V34_EXISTS,
  V35_VA_GONE,
  V36_OTHER_SA,
  v30Tag,
  v31Unknown,
  v32aPayload,
  v36aOtherVa,
  v38aNotYet,
} from "@/lib/usage/messages";
import { acceptUsageUpload } from "@/lib/usage/upload";
import { findSignedElements } from "@/lib/signing/document";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";
import { rumChild, usageFile } from "@/tests/helpers/usage";

const SA = saId(EG_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const MSLA = vaId(EG_SA, "MSLA-Utility");
const LAB = vaId(EG_SA, "Lab-01");
const actorOf = (ctx: AccessContext): Actor => ({ kind: "user", userId: ctx.user.id, ccoId: ctx.user.ccoId });
const udi = (pid: string, sn: string) => ({ udi_pid: pid, udi_serial_number: sn });

describe.each(drivers)("[USAGE] W-10 per-report rules (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { clock: T0 });
  const ctx: Record<string, AccessContext> = {};

  /** Upload, assign every member to `va`, run the job; returns the file row and its ACK data. */
  async function ingest(who: string, name: string, bytes: Buffer, va: string) {
    const up = await acceptUsageUpload(db, ctx[who], actorOf(ctx[who]), bufferSource(bytes), { smartAccountId: SA, fileName: name });
    await db.transaction((tx) => assignVirtualAccounts(tx, ctx[who], actorOf(ctx[who]), { fileId: up.id, mode: "all", virtualAccountId: va }));
    await runDueJobs(db, 1000);
    const [file] = await db.select().from(usageDataFiles).where(eq(usageDataFiles.id, up.id));
    const xml = file.ackBlob?.toString("utf8") ?? "";
    const rumAck = xml ? JSON.parse(findSignedElements(xml).find((f) => f.element === "smartLicenseRumAck")!.dataText) : null;
    return { file, ack: rumAck };
  }
  const xmlOf = (children: UsageChild[]) => Buffer.from(`<smartLicense>${children.map((c) => `<${c.element}><![CDATA[${JSON.stringify(c.body)}]]></${c.element}>`).join("")}</smartLicense>`);

  beforeAll(async () => {
    for (const cco of ["eg-admin", "eg-vaadmin"]) ctx[cco] = (await loadAccess(db, userId(cco)))!;
    await runDueJobs(db, 1000);
  });

  it("records per-report errors without stopping the other reports (V-30, V-31, V-32a, V-32b)", async () => {
    const good = rumChild({ pid: "C9300-24UX", sn: "FOC7000A001", reportId: 1, license: 27 }, T0);
    const tampered = rumChild({ pid: "C9300-24UX", sn: "FOC7000A001", reportId: 2, license: 28 }, T0);
    (tampered.body as { payload: string }).payload = (tampered.body as { payload: string }).payload.replace('"value":"1"', '"value":"5"');
    const unknownTag = syntheticTag("NOT_IN_CATALOGUE");
    const unknown = rumChild({ pid: "C9300-24UX", sn: "FOC7000A001", reportId: 3, license: unknownTag }, T0);
    const malformed = rumChild({ pid: "C9300-24UX", sn: "FOC7000A001", reportId: 4, license: "regid.bad" }, T0);
    const noUdi = { element: "RUMReport" as const, body: { payload: JSON.stringify({ meta: {} }), signature: {} } };
    const { file, ack } = await ingest("eg-admin", "mixed.xml", xmlOf([good, tampered, unknown, malformed, noUdi]), VA01);
    expect(file).toMatchObject({ status: "ERRORS", deviceCount: 1 });
    const pi = udi("C9300-24UX", "FOC7000A001");
    expect(ack.reports).toEqual([
      { udi: pi, report_id: 1, status: "ACK", message: "" },
      { udi: pi, report_id: 2, status: "ERROR", message: V32B_SIGNATURE },
      { udi: pi, report_id: 3, status: "ERROR", message: v31Unknown(unknownTag) },
      { udi: pi, report_id: 4, status: "ERROR", message: v30Tag("regid.bad") },
      { udi: udi("", ""), report_id: null, status: "ERROR", message: v32aPayload("asset_identification is missing") },
    ]);
    const rows = await db.select().from(rumReports).where(eq(rumReports.usageDataFileId, file.id));
    expect(rows.map((r) => [r.reportId, r.status, r.signatureStatus]).sort()).toEqual([
      [1, "ACK", "VERIFIED"],
      [2, "ERROR", "FAILED"],
      [3, "ERROR", "VERIFIED"],
      [4, "ERROR", "VERIFIED"],
    ]);
    const [created] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC7000A001"));
    const e19 = await db.select({ message: events.message }).from(events).where(and(eq(events.type, "E-19"), eq(events.productInstanceId, created.id)));
    expect(e19.map((e) => e.message)).toContain(`Usage report 3 was not accepted: Unknown entitlement tag ${unknownTag}.`);
    expect(await db.$count(licenseUsage, eq(licenseUsage.productInstanceId, created.id))).toBe(1);
  });

  it("moves a PI between VAs only when the uploader may write both, never across Smart Accounts (V-36, V-36a)", async () => {
    const krakowPi = piId("C9300-24UX", "FCW2303D16Y");
    const report = (reportId: number) => usageFile([{ pid: "C9300-24UX", sn: "FCW2303D16Y", reportId, license: 27 }], T0);
    const refused = await ingest("eg-vaadmin", "move-refused.xml", report(9001), VA01);
    expect(refused.ack.reports[0]).toMatchObject({ status: "ERROR", message: v36aOtherVa("Krakow LAN-SW") });
    expect((await db.select().from(productInstances).where(eq(productInstances.id, krakowPi)))[0].virtualAccountId).toBe(KRAKOW);

    const moved = await ingest("eg-admin", "move.xml", report(9002), VA01);
    expect(moved.ack.reports[0]).toMatchObject({ status: "ACK" });
    const [pi] = await db.select().from(productInstances).where(eq(productInstances.id, krakowPi));
    expect(pi.virtualAccountId).toBe(VA01);
    const [e14] = await db.select().from(events).where(and(eq(events.type, "E-14"), eq(events.productInstanceId, krakowPi)));
    expect(e14.message).toBe('Product instance "UDI_PID:C9300-24UX; UDI_SN:FCW2303D16Y;" moved from "Krakow LAN-SW" to "Eg-VA-01" because its usage was reported to "Eg-VA-01".');
    expect(e14.vaIds.sort()).toEqual([KRAKOW, VA01].sort());
    expect(e14.actorLabel).toBe("System");

    const bu = await ingest("eg-admin", "bu.xml", usageFile([{ pid: "ASR-920-12CZ-A", sn: "CAT1748U1B6", reportId: 9003, license: 34 }], T0), VA01);
    expect(bu.ack.reports[0]).toMatchObject({ status: "ERROR", message: V36_OTHER_SA });
    const [buPi] = await db.select().from(productInstances).where(eq(productInstances.id, piId("ASR-920-12CZ-A", "CAT1748U1B6")));
    expect(buPi.smartAccountId).toBe(saId(BU_SA));
    expect(await db.$count(rumReports, and(eq(rumReports.usageDataFileId, bu.file.id), isNull(rumReports.productInstanceId)))).toBe(1);
  });

  it("issues trust codes per UDI (D-21, E-20), refuses a second one without force (V-34), and verifies trust-signed reports", async () => {
    const device = { udiPid: "C8000V", udiSn: "9ZZTRUSTDEMO" };
    const req = (force = false) => ({ element: "TrustCodeRequest" as const, body: trustCodeRequest([device], "0123456789abcdef", force) });
    const first = await ingest("eg-admin", "trust.xml", xmlOf([req(), rumChild({ pid: device.udiPid, sn: device.udiSn, reportId: 1, license: 19 }, T0)]), VA01);
    expect(first.file.status).toBe("NO_ERRORS");
    expect(first.ack.trust_codes).toHaveLength(1);
    const issued = first.ack.trust_codes[0];
    expect(issued).toMatchObject({ udi: udi("C8000V", "9ZZTRUSTDEMO"), status: "ISSUED", issued_at: T0.getTime(), message: "" });
    const secret = Buffer.from(issued.trust_code, "base64");
    expect(secret).toHaveLength(32);
    const [pi] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "9ZZTRUSTDEMO"));
    expect(pi.trustState).toBe("INSTALLED");
    const [stored] = await db.select().from(trustCodes).where(and(eq(trustCodes.productInstanceId, pi.id), isNull(trustCodes.supersededAt)));
    expect(stored.via).toBe("ACK");
    expect(unseal(stored.secret, "credential-encryption").equals(secret)).toBe(true);
    expect(await db.$count(events, and(eq(events.type, "E-20"), eq(events.productInstanceId, pi.id)))).toBe(1);

    // A FAILED request makes the file Errors only when nothing in it was acknowledged (W-10 step 6.9).
    const trustSigned = { element: "RUMReport" as const, body: rumEnvelope(rumPayload({ ...device, shape: "B", reportId: 2, entitlementTag: entitlementTag(19), measurements: [{ startTime: T0.getTime() / 1000 - 7200, endTime: T0.getTime() / 1000 - 3600, count: 1 }] }), { ...device, signingType: "trust", trustSecret: secret }) };
    const second = await ingest("eg-admin", "trust2.xml", xmlOf([req(), trustSigned]), VA01);
    expect(second.ack.trust_codes[0]).toMatchObject({ status: "FAILED", trust_code: null, issued_at: null, message: V34_EXISTS });
    expect(second.ack.reports[0]).toMatchObject({ report_id: 2, status: "ACK" });
    expect(second.file.status).toBe("NO_ERRORS");
    const alone = await ingest("eg-admin", "trust3.xml", xmlOf([req()]), VA01);
    expect(alone.file.status).toBe("ERRORS");
    const forced = await ingest("eg-admin", "trust4.xml", xmlOf([req(true)]), VA01);
    expect(forced.ack.trust_codes[0].status).toBe("ISSUED");
    expect(await db.$count(trustCodes, and(eq(trustCodes.productInstanceId, pi.id), isNull(trustCodes.supersededAt)))).toBe(1);
    expect(await db.$count(trustCodes, eq(trustCodes.productInstanceId, pi.id))).toBe(2);
  });

  it("answers a malformed DLC report with V-32a and authorization elements with V-38a, and applies InstanceInfo per its privacy flags", async () => {
    const sudi = { udi_pid: "C9300-24UX", udi_serial_number: "FOC7000A002" };
    const { file, ack } = await ingest(
      "eg-admin",
      "elements.xml",
      xmlOf([
        rumChild({ pid: "C9300-24UX", sn: "FOC7000A002", reportId: 1, license: 27 }, T0),
        { element: "InstanceInfo", body: instanceInfo({ udiPid: "C9300-24UX", udiSn: "FOC7000A002", hostname: "sw-lab-7", softwareVersion: "17.12.01" }) },
        { element: "DLCReport", body: { sudi, conversion_lines: [] } },
        { element: "AuthorizationRequest", body: { request_id: "x", sudi, licenses: [] } },
        { element: "AuthorizationReturn", body: { sudi, kind: "SLAC", return_code: "C" } },
      ]),
      VA01,
    );
    expect(file.status).toBe("ERRORS");
    expect(ack.reports[0].status).toBe("ACK");
    expect(ack.elements).toEqual([
      { element: "DLCReport", udi: sudi, status: "ERROR", message: expect.stringMatching(/^Report payload is not valid: conversion_lines /) },
      ...["AuthorizationRequest", "AuthorizationReturn"].map((element) => ({ element, udi: sudi, status: "ERROR", message: v38aNotYet(element) })),
    ]);
    expect(ack.dlc).toEqual([]);
    const [pi] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC7000A002"));
    expect(pi).toMatchObject({ hostname: "sw-lab-7", hostnameShared: true, softwareVersion: "17.12.01" });
    const hidden = await ingest(
      "eg-admin",
      "private.xml",
      xmlOf([{ element: "InstanceInfo", body: instanceInfo({ udiPid: "C9300-24UX", udiSn: "FOC7000A002", hostname: "secret", hostnamePrivacy: true }) }]),
      VA01,
    );
    expect(hidden.file.status).toBe("NO_ERRORS");
    const [after] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC7000A002"));
    expect(after).toMatchObject({ hostname: "sw-lab-7", hostnameShared: false });
  });

  it("runs device-led conversion (W-21) from a usage file, once: the ACK carries dlc[], balances and history follow", async () => {
    const sudi = udi("C1111-8PLTEEAWB", "FGL214391J3");
    const dlcBody = {
      sudi,
      conversion_lines: [
        { n: 3, sku: "C1111-8P-APPX", feature: "appxk9" },
        { n: 4, sku: "FL-1100-8P-SEC", feature: "securityk9" },
        { n: 2, sku: "FL-1100-8P-HSEC=", feature: "hseck9" },
      ].map((l) => ({ conversion_type: "PAK", conversion_string: l.feature, conversion_count: 1, sku: l.sku, feature_name: l.feature, license_type: "Perpetual", entitlement_tag: entitlementTag(l.n) })),
    };
    const balance = async (n: number) => (await listLicenseRows(db, ctx["eg-admin"], VA01)).find((r) => r.licenseDefinitionId === licenseId(n))!.balance;
    expect([await balance(3), await balance(4), await balance(2)]).toEqual([-1, -1, -1]);

    const first = await ingest("eg-admin", "dlc1.xml", xmlOf([rumChild({ pid: sudi.udi_pid, sn: sudi.udi_serial_number, reportId: 1_700_000_001, license: 3 }, T0), { element: "DLCReport", body: dlcBody }]), VA01);
    expect(first.file.status).toBe("NO_ERRORS");
    expect(first.ack.elements).toEqual([]);
    expect(first.ack.dlc).toHaveLength(1);
    expect(first.ack.dlc[0]).toMatchObject({ udi: sudi, status: "SUCCESS" });
    expect(first.ack.dlc[0].lines.map((l: { status: string }) => l.status)).toEqual(["Converted", "Converted", "Converted"]);
    expect([await balance(3), await balance(4), await balance(2)]).toEqual([0, 0, 0]);
    const [conversion] = await db.select().from(conversions).where(eq(conversions.udiSn, "FGL214391J3"));
    expect(conversion).toMatchObject({ source: "DEVICE", method: "DLC", status: "CONVERTED", initiatedBy: null, virtualAccountId: VA01 });
    expect(first.ack.dlc[0].conversion_id).toBe(conversion.id);

    const again = await ingest("eg-admin", "dlc2.xml", xmlOf([rumChild({ pid: sudi.udi_pid, sn: sudi.udi_serial_number, reportId: 1_700_000_002, license: 3 }, T0), { element: "DLCReport", body: dlcBody }]), VA01);
    expect(again.ack.dlc[0]).toMatchObject({ status: "SUCCESS", conversion_id: conversion.id });
    expect(again.ack.dlc[0].lines.map((l: { status: string }) => l.status)).toEqual(["Already converted", "Already converted", "Already converted"]);
    expect(await db.$count(conversions, eq(conversions.udiSn, "FGL214391J3"))).toBe(1);
    expect([await balance(3), await balance(4), await balance(2)]).toEqual([0, 0, 0]);
  });

  it("lists subscriptions for utility instances and flags export-controlled utility reports (P-10)", async () => {
    const { ack } = await ingest(
      "eg-admin",
      "msla.xml",
      usageFile(
        [
          { pid: "C8000V", sn: "93POM8FF9IZ", reportId: 77, license: 36, count: 2, utility: true },
          { pid: "C8000V", sn: "93POM8FF9IZ", reportId: 78, license: 1, count: 1, utility: true },
        ],
        T0,
      ),
      MSLA,
    );
    const pi = udi("C8000V", "93POM8FF9IZ");
    expect(ack.subscriptions).toEqual([{ udi: pi, entitlement_tag: entitlementTag(36), subscription_id: "Sub208966" }]);
    expect(ack.reports[1]).toEqual({ udi: pi, report_id: 78, status: "ACK", message: EXPORT_PREPAID_ONLY });
    const [row] = await db.select().from(productInstances).where(eq(productInstances.id, piId("C8000V", "93POM8FF9IZ")));
    expect(row.utilityMode).toBe(true);
    expect(row.nextReportDueAt?.toISOString()).toBe(addDays(T0, 30).toISOString());
    expect(ack.next_report_due).toEqual([{ udi: pi, due_at: addDays(T0, 30).getTime() }]);
  });

  it("logs a usage change reported after the on-change limit (P-9, E-37) and keeps the latest report's count (D-10)", async () => {
    const t = Math.floor(addDays(T0, -100).getTime() / 1000);
    const measurements = [
      { startTime: t - 86_400, endTime: t, count: 1 },
      { startTime: t, endTime: t + 86_400, count: 2 },
    ];
    const newer = [{ startTime: t + 86_400, endTime: t + 2 * 86_400, count: 3 }];
    const { file } = await ingest(
      "eg-admin",
      "late.xml",
      usageFile(
        [
          { pid: "C9300-24UX", sn: "FOC7000A003", reportId: 5, license: 27, measurements: newer },
          { pid: "C9300-24UX", sn: "FOC7000A003", reportId: 4, license: 27, measurements },
        ],
        T0,
      ),
      VA01,
    );
    expect(file.status).toBe("NO_ERRORS");
    const [pi] = await db.select().from(productInstances).where(eq(productInstances.udiSn, "FOC7000A003"));
    const [usage] = await db.select().from(licenseUsage).where(and(eq(licenseUsage.productInstanceId, pi.id), eq(licenseUsage.licenseDefinitionId, licenseId(27))));
    expect(usage).toMatchObject({ count: 3, lastReportId: 5 });
    const late = await db.select({ message: events.message }).from(events).where(and(eq(events.type, "E-37"), eq(events.productInstanceId, pi.id)));
    expect(late.map((e) => e.message)).toEqual(['A change in use of "C9300-24 Network Advantage" on 2023-Dec-01 was reported 40 day(s) after the 60-day limit.']);
    // An older report processed later does not turn the count back.
    await ingest("eg-admin", "older.xml", usageFile([{ pid: "C9300-24UX", sn: "FOC7000A003", reportId: 3, license: 27, measurements: [{ startTime: t - 5 * 86_400, endTime: t - 4 * 86_400, count: 7 }] }], T0), VA01);
    const [still] = await db.select().from(licenseUsage).where(and(eq(licenseUsage.productInstanceId, pi.id), eq(licenseUsage.licenseDefinitionId, licenseId(27))));
    expect(still).toMatchObject({ count: 3, lastReportId: 5 });
    // A newer report with another count changes D-10 and writes E-21.
    await ingest("eg-admin", "newer.xml", usageFile([{ pid: "C9300-24UX", sn: "FOC7000A003", reportId: 6, license: 27, measurements: [{ startTime: t + 2 * 86_400, endTime: t + 3 * 86_400, count: 4 }] }], T0), VA01);
    const changes = await db.select({ message: events.message, license: events.licenseDefinitionId }).from(events).where(and(eq(events.type, "E-21"), eq(events.productInstanceId, pi.id)));
    expect(changes).toEqual([{ message: 'Reported use of "C9300-24 Network Advantage" changed from 3 to 4.', license: licenseId(27) }]);
  });

  it("fails a file whose virtual account was deleted before processing (V-35)", async () => {
    const up = await acceptUsageUpload(db, ctx["eg-admin"], actorOf(ctx["eg-admin"]), bufferSource(usageFile([{ pid: "C9300-24UX", sn: "FOC7000A004", reportId: 1, license: 27 }], T0)), {
      smartAccountId: SA,
      fileName: "gone.xml",
    });
    await db.transaction((tx) => assignVirtualAccounts(tx, ctx["eg-admin"], actorOf(ctx["eg-admin"]), { fileId: up.id, mode: "all", virtualAccountId: LAB }));
    await db.update(virtualAccounts).set({ deletedAt: T0 }).where(eq(virtualAccounts.id, LAB));
    await runDueJobs(db, 1000);
    const [file] = await db.select().from(usageDataFiles).where(eq(usageDataFiles.id, up.id));
    expect(file).toMatchObject({ status: "ERRORS", ackBlob: null });
    expect((file.errorSummary as { message: string }).message).toBe(V35_VA_GONE);
    expect(await db.$count(rumReports, eq(rumReports.usageDataFileId, up.id))).toBe(0);
  });
});
