import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { authorizations, licenseUsage, outbox, productInstances, signingKeys, simDevices } from "@/db/schema";
import { ValidationError } from "@/lib/access/errors";
import { pinClock } from "@/lib/clock";
import { unseal } from "@/lib/crypto/seal";
import { confirmationCode, returnCode } from "@/lib/reservation/codes";
import { authorizationId, DEMO_PRODUCT_INSTANCES, seededReportId, simDeviceId } from "@/lib/seed/demo";
import { entitlementTag, softwareTagForPid } from "@/lib/seed/reference";
import { listOutbox, outboxAttachment } from "@/lib/mailbox/outbox";
import { resetDemoData } from "@/lib/seed/reset";
import { signData, signedElementXml } from "@/lib/signing/document";
import { currentSigningKey } from "@/lib/signing/keys";
import { editSimUsage, importSimFile, listSimDevices, saveReturnCode, saveSlacRequest, saveUsageFile } from "@/lib/simulator/devices";
import { SIGNATURE_MISMATCH } from "@/lib/simulator/import";
import { builtinRumKey, rumSignatureMatches } from "@/lib/usage/format/signature";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";
import { readUsageXml } from "@/tests/helpers/usage-file";

const T0_S = T0.getTime() / 1000;
const C1111 = simDeviceId("C1111-8PLTEEAWB", "FGL214391J3");
const TRUST_DEMO = simDeviceId("C8000V", "9ZZTRUSTDEMO");
const ISR4461 = simDeviceId("ISR4461/K9", "FDO222815Y4");

type Env = { payload: string; signature: { signing_type: string; value: string } };

async function device(db: Db, id: string) {
  const [row] = await db.select().from(simDevices).where(eq(simDevices.id, id));
  return row;
}

async function ackFor(db: Db, udi: { udi_pid: string; udi_serial_number: string }, reportIds: number[], trustCode: Buffer) {
  const data = {
    version: "1.0",
    type: "rum_ack",
    ack_id: "6a0f2d9e-0c55-4a57-9e16-0f1b2c3d4e5f",
    issued_at: T0.getTime(),
    reports: reportIds.map((id) => ({ udi, report_id: id, status: "ACK", message: "" })),
    trust_codes: [{ udi, status: "ISSUED", trust_code: trustCode.toString("base64"), issued_at: T0.getTime(), message: "" }],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${signedElementXml("smartLicenseRumAck", await signData(db, data))}\n</smartLicense>\n`;
}

describe.each(drivers)("S-60 device simulator (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { clock: T0 });

  it("seeds the DD-13 devices from the DD-6, DD-11 and DD-12 instances", async () => {
    const rows = await db.select().from(simDevices);
    const reporting = DEMO_PRODUCT_INSTANCES.filter((p) => p.licenses.length > 0);
    expect(rows).toHaveLength(reporting.length + 3);
    expect(rows.some((r) => r.udiPid === "DN2-HW-APL")).toBe(false);
    expect(rows.every((r) => r.trustSecret === null)).toBe(true);

    // Same UDI, hostname, software and reported usage as the instance; next id after its last report.
    const pis = await db.select().from(productInstances);
    const usage = await db.select().from(licenseUsage).where(eq(licenseUsage.source, "REPORTED"));
    for (const pi of pis.filter((p) => p.firstConsumedAt && p.reservation === "NONE")) {
      const sim = rows.find((r) => r.udiPid === pi.udiPid && r.udiSn === pi.udiSn)!;
      expect(sim).toMatchObject({ hostname: pi.hostname, hostnamePrivacy: !pi.hostnameShared, softwareVersion: pi.softwareVersion, softwareTag: pi.softwareTag });
      expect(sim.nextReportId).toBe(seededReportId(pi.lastReportAt!) + 1);
      const reported = usage.filter((u) => u.productInstanceId === pi.id);
      expect(Object.keys(sim.licenses)).toHaveLength(reported.length);
    }
    const isr = await device(db, ISR4461);
    expect(isr.licenses).toEqual(Object.fromEntries([14, 15, 16, 17, 18].map((n) => [entitlementTag(n), 1])));
    expect(isr.nextReportId).toBe(T0_S - 3 * 86_400 + 1);
    expect(isr.hostnamePrivacy).toBe(true);
    expect(rows.find((r) => r.udiSn === "FDO2250A0J5")?.hostnamePrivacy).toBe(false);

    const c1111 = await device(db, C1111);
    expect((c1111.dlc as { conversion_lines: { sku: string; conversion_type: string; entitlement_tag: string }[] }).conversion_lines).toEqual([
      expect.objectContaining({ conversion_type: "PAK", sku: "C1111-8P-APPX", entitlement_tag: entitlementTag(3) }),
      expect.objectContaining({ conversion_type: "PAK", sku: "FL-1100-8P-SEC", entitlement_tag: entitlementTag(4) }),
      expect.objectContaining({ conversion_type: "PAK", sku: "FL-1100-8P-HSEC=", entitlement_tag: entitlementTag(2) }),
    ]);
    const trustDemo = await device(db, TRUST_DEMO);
    expect(trustDemo).toMatchObject({ udiPid: "C8000V", softwareTag: softwareTagForPid("C8000V"), trustSecret: null });
    expect(await db.$count(productInstances, eq(productInstances.udiSn, "9ZZTRUSTDEMO"))).toBe(0);
    expect(rows.find((r) => r.udiSn === "FOC2517L8KW")?.host).toBe("10.10.20.11");
    const cslu = rows.find((r) => r.udiSn === "FDO210305DQ")!;
    expect(cslu.host).toBe("10.10.10.21");
    expect((cslu.dlc as { conversion_lines: { conversion_type: string; sku?: string }[] }).conversion_lines.map((l) => [l.conversion_type, l.sku])).toEqual([
      ["RTU", undefined],
      ["RTU", undefined],
      ["RTU", undefined],
      ["RTU", undefined],
    ]);

    const listed = await listSimDevices(db);
    expect(listed.find((d) => d.id === C1111)).toMatchObject({ udi: "PID:C1111-8PLTEEAWB,SN:FGL214391J3", hasDlc: true, trustInstalledAt: null });
  });

  it("Save Usage File writes signed reports from next_report_id and advances it by one per report", async () => {
    const before = await device(db, C1111);
    const file = await db.transaction((tx) => saveUsageFile(tx, { deviceId: C1111, includeTrustRequest: true, includeDlc: true }));
    expect(file.fileName).toBe(`dev_FGL214391J3_${T0_S}.xml`);
    const children = readUsageXml(file.body);
    expect(children.map((c) => c.element)).toEqual(["TrustCodeRequest", "InstanceInfo", "RUMReport", "RUMReport", "RUMReport", "RUMReport", "DLCReport"]);
    expect(file.reportIds).toEqual([0, 1, 2, 3].map((i) => before.nextReportId + i));
    for (const c of children.filter((x) => x.element === "RUMReport")) {
      const env = c.body as unknown as Env;
      expect(rumSignatureMatches(builtinRumKey("C1111-8PLTEEAWB", "FGL214391J3"), env.payload, env.signature.value)).toBe(true);
      expect(JSON.parse(env.payload).measurements.at(-1).end_time).toBe(T0_S);
    }
    expect((await device(db, C1111)).nextReportId).toBe(before.nextReportId + 4);
    await expect(db.transaction((tx) => saveUsageFile(tx, { deviceId: ISR4461, includeTrustRequest: false, includeDlc: true }))).rejects.toThrow("This device holds no DLC data.");
    expect((await device(db, ISR4461)).nextReportId).toBe(T0_S - 3 * 86_400 + 1);
  });

  it("Edit Usage changes a count, and the next file shows the change as a second measurement", async () => {
    const tag = entitlementTag(3);
    pinClock(new Date(T0.getTime() + 3_600_000));
    await db.transaction((tx) => editSimUsage(tx, { deviceId: C1111, licenses: [3, 4, 2, 5].map((n) => ({ entitlementTag: entitlementTag(n), count: n === 3 ? 2 : 1 })) }));
    expect((await device(db, C1111)).licenses[tag]).toBe(2);
    await expect(
      db.transaction((tx) => editSimUsage(tx, { deviceId: C1111, licenses: [{ entitlementTag: "regid.2020-01.com.cisco.NOPE,1.0_x", count: 1 }] })),
    ).rejects.toThrow(ValidationError);
    pinClock(new Date(T0.getTime() + 7_200_000));
    const file = await db.transaction((tx) => saveUsageFile(tx, { deviceId: C1111, includeTrustRequest: false, includeDlc: false }));
    const appx = readUsageXml(file.body)
      .filter((c) => c.element === "RUMReport")
      .map((c) => JSON.parse((c.body as unknown as Env).payload))
      .find((p) => p.meta.entitlement_tag === tag);
    expect(appx.measurements.map((m: { start_time: number; end_time: number; value: { value: string } }) => [m.start_time, m.end_time, m.value.value])).toEqual([
      [T0_S, T0_S + 3600, "1"],
      [T0_S + 3600, T0_S + 7200, "2"],
    ]);
    pinClock(T0);
  });

  it("Save SLAC Request asks for the enforced licenses only; Save Return Code derives F-10 codes from D-16", async () => {
    const request = await saveSlacRequest(db, C1111);
    expect(request.fileName).toBe("SLACRequest_C1111-8PLTEEAWB_FGL214391J3.xml");
    const [child] = readUsageXml(request.body);
    expect(child.element).toBe("AuthorizationRequest");
    expect(child.body).toMatchObject({ sudi: { udi_pid: "C1111-8PLTEEAWB", udi_serial_number: "FGL214391J3" }, mode: "add", licenses: [{ entitlement_tag: entitlementTag(2), count: 1 }] });
    await expect(saveSlacRequest(db, simDeviceId("ISR4351/K9", "FDO21512BJB"))).rejects.toThrow(/no enforced or export-controlled license/);

    const [slr] = await db.select().from(authorizations).where(eq(authorizations.id, authorizationId("CSR1000V", "95QS2T1KUJX", "SLR")));
    const codes = await saveReturnCode(db, simDeviceId("CSR1000V", "95QS2T1KUJX"));
    expect(codes.codes).toEqual([{ kind: "SLR", code: returnCode("SLR", slr.piid, "CSR1000V", "95QS2T1KUJX") }]);
    expect(codes.body).toBe(`UDI: PID:CSR1000V,SN:95QS2T1KUJX\nReturn code: ${codes.codes[0].code}\n`);
    expect(codes.fileName).toBe("ReturnCode_CSR1000V_95QS2T1KUJX.txt");
    await expect(saveReturnCode(db, TRUST_DEMO)).rejects.toThrow("This device holds no authorization code, so there is nothing to return.");
  });

  it("Import File installs the trust of a verified ACK and refuses a tampered one", async () => {
    const udi = { udi_pid: "C8000V", udi_serial_number: "9ZZTRUSTDEMO" };
    const before = await device(db, TRUST_DEMO);
    const secret = randomBytes(32);
    const xml = await ackFor(db, udi, [before.nextReportId], secret);

    const tampered = xml.replace(`"report_id":${before.nextReportId}`, `"report_id":${before.nextReportId + 1}`);
    await expect(db.transaction((tx) => importSimFile(tx, { deviceId: TRUST_DEMO, bytes: Buffer.from(tampered) }))).rejects.toThrow(SIGNATURE_MISMATCH);
    expect(await device(db, TRUST_DEMO)).toEqual(before);

    const result = await db.transaction((tx) => importSimFile(tx, { deviceId: TRUST_DEMO, bytes: Buffer.from(xml) }));
    expect(result).toMatchObject({ kind: "ACK", confirmationCode: null });
    expect(result.lines).toContain("Installed the trust code.");
    const after = await device(db, TRUST_DEMO);
    expect(unseal(after.trustSecret!, "credential-encryption").equals(secret)).toBe(true);
    expect(after.installed).toMatchObject({ acknowledgedReportIds: [before.nextReportId], trust: { installedAt: T0.toISOString() } });
    expect((await listSimDevices(db)).find((d) => d.id === TRUST_DEMO)?.trustInstalledAt).toBe(T0.toISOString());

    // From now on the device signs with its trust code and asks for none by default.
    const file = await db.transaction((tx) => saveUsageFile(tx, { deviceId: TRUST_DEMO, includeTrustRequest: false, includeDlc: false }));
    const env = readUsageXml(file.body).find((c) => c.element === "RUMReport")!.body as unknown as Env;
    expect(env.signature.signing_type).toBe("trust");
    expect(rumSignatureMatches(secret, env.payload, env.signature.value)).toBe(true);
  });

  it("Import File computes the confirmation code of an issued PLR code", async () => {
    const id = authorizationId("C8000V", "96QKIABBZ1H", "PLR");
    const code = "DA3Ks9-WM4yzT-Y7UAbh-GGXUwr-qARDsq-sjJs9e-Z3Xqix-TKcsy9-z6";
    await db.update(authorizations).set({ codeText: code }).where(eq(authorizations.id, id));
    const [plr] = await db.select().from(authorizations).where(and(eq(authorizations.id, id)));
    const deviceId = simDeviceId("C8000V", "96QKIABBZ1H");
    const result = await db.transaction((tx) => importSimFile(tx, { deviceId, bytes: Buffer.from(`${code}\n`) }));
    expect(result.confirmationCode).toBe(confirmationCode(plr.piid, plr.issuedAt.getTime()));
    await expect(db.transaction((tx) => importSimFile(tx, { deviceId: ISR4461, bytes: Buffer.from(code) }))).rejects.toThrow("This PLR code was not issued to this device.");
  });

  it("the mailbox lists the outbox newest first and serves its attachments", async () => {
    await db.insert(outbox).values([
      { to: "admin@example.com", subject: "Older", body: "first", createdAt: new Date(T0.getTime() - 60_000) },
      {
        to: "viewer@example.com",
        subject: "Newer",
        body: "second",
        attachments: [{ name: "FDO222815Y4_20240310.lic", contentType: "text/plain", content: "License: 11 securityk9\n" }, { name: "x.bin", contentBase64: "AAEC" }],
        createdAt: T0,
      },
    ]);
    const list = await listOutbox(db, { page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    expect(list.messages.map((m) => [m.subject, m.to, m.attachments.map((a) => a.name)])).toEqual([
      ["Newer", "viewer@example.com", ["FDO222815Y4_20240310.lic", "x.bin"]],
      ["Older", "admin@example.com", []],
    ]);
    const lic = await outboxAttachment(db, list.messages[0].id, 0);
    expect(lic).toMatchObject({ name: "FDO222815Y4_20240310.lic", contentType: "text/plain" });
    expect(lic.bytes.toString()).toBe("License: 11 securityk9\n");
    expect((await outboxAttachment(db, list.messages[0].id, 1)).bytes).toEqual(Buffer.from([0, 1, 2]));
    await expect(outboxAttachment(db, list.messages[1].id, 0)).rejects.toThrow("Not found.");
    expect((await listOutbox(db, { page: 2, pageSize: 10 })).page).toBe(1);
  });

  it("Reset restores the seeded devices and keeps the signing keys", async () => {
    const keyId = (await currentSigningKey(db)).keyId;
    await resetDemoData(db, "demo", T0);
    const c1111 = await device(db, C1111);
    expect(c1111.nextReportId).toBe(seededReportId(new Date(T0.getTime() - 10 * 86_400_000)) + 1);
    expect(c1111.licenses[entitlementTag(3)]).toBe(1);
    expect((await device(db, TRUST_DEMO)).trustSecret).toBeNull();
    expect((await db.select().from(signingKeys)).map((k) => k.keyId)).toEqual([keyId]);
    expect(await db.$count(outbox)).toBe(0);
  });
});
