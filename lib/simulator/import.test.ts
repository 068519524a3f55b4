import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { confirmationCode } from "@/lib/reservation/codes";
import { signDataWith, signedElementXml } from "@/lib/signing/document";
import type { SigningKey } from "@/lib/signing/keys";
import { signMessage } from "@/lib/signing/sign";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { applyImport, interpretImport, readImportDocuments, SIGNATURE_MISMATCH } from "./import";

function testKey(keyId: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId, privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const key = testKey("k-2024-03");
const pems = new Map([[key.keyId, key.publicPem]]);
const DEVICE = { udiPid: "C8000V", udiSn: "9ZZTRUSTDEMO", installed: {} };
const sudi = { udi_pid: "C8000V", udi_serial_number: "9ZZTRUSTDEMO" };
const AT = new Date("2024-03-10T12:00:00Z");
const PIID = "0b0f4f1e-1111-4c4c-9d9d-123456789abc";
const TAG = "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844";

function ackXml(trustCode: Buffer, signer = key) {
  const data = {
    version: "1.0",
    type: "rum_ack",
    ack_id: "9d1c1c6e-5f59-4d0e-8c4c-5e6f7a8b9c0d",
    issued_at: AT.getTime(),
    reports: [
      { udi: sudi, report_id: 1710072001, status: "ACK", message: "" },
      { udi: sudi, report_id: 1710072002, status: "DROPPED", message: "Report already received." },
      { udi: { udi_pid: "ISR4461/K9", udi_serial_number: "FDO222815Y4" }, report_id: 5, status: "ACK", message: "" },
    ],
    trust_codes: [{ udi: sudi, status: "ISSUED", trust_code: trustCode.toString("base64"), issued_at: AT.getTime(), message: "" }],
  };
  const policy = { version: "1.0", type: "policy", policy_id: "p-1", name: "SLP Policy", policy_version: 3 };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${signedElementXml("smartLicenseRumAck", signDataWith(signer, data))}\n${signedElementXml("smartLicensePolicy", signDataWith(signer, policy))}\n</smartLicense>\n`;
}

function codeXml(root: "smartLicenseAuthorization" | "specificPLR", udi = "P:C8000V,S:9ZZTRUSTDEMO") {
  const code = `<authorizationCode><flag>A</flag><version>C</version><piid>${PIID}</piid><timestamp>1709985600000</timestamp><entitlements><entitlement><tag>${TAG}</tag><count>1</count><startDate></startDate><endDate></endDate><licenseType>PERPETUAL</licenseType></entitlement></entitlements></authorizationCode>`;
  const signature = signMessage(key, `${udi}\n${code}`);
  return root === "specificPLR"
    ? `<specificPLR>${code}<signature>${signature}</signature><udi>${udi}</udi></specificPLR>`
    : `<smartLicenseAuthorization><udi>${udi}</udi>${code}<signature>${signature}</signature></smartLicenseAuthorization>`;
}

describe("S-60 Import File", () => {
  it("installs the trust code, policy and acknowledgements of a valid ACK", () => {
    const secret = randomBytes(32);
    const file = interpretImport([ackXml(secret)], pems);
    expect(file.kind).toBe("ACK");
    const out = applyImport(DEVICE, file, AT);
    expect(out.trustSecret?.equals(secret)).toBe(true);
    expect(out.installed.trust).toEqual({ installedAt: AT.toISOString(), issuedAt: AT.getTime() });
    expect(out.installed.policy).toMatchObject({ name: "SLP Policy", version: 3 });
    expect(out.installed.acknowledgedReportIds).toEqual([1710072001]);
    expect(out.installed.acks?.[0].reports.map((r) => r.status)).toEqual(["ACK", "DROPPED"]);
    expect(out.lines).toContain("Marked 1 of 2 reports acknowledged.");
    expect(out.lines).toContain("Installed the trust code.");
  });

  it("refuses a tampered ACK or one signed by an unpublished key, installing nothing", () => {
    const secret = randomBytes(32);
    const tampered = ackXml(secret).replace('"report_id":1710072001', '"report_id":1710072009');
    expect(() => interpretImport([tampered], pems)).toThrow(SIGNATURE_MISMATCH);
    expect(() => interpretImport([ackXml(secret, testKey("k-2024-03"))], pems)).toThrow(SIGNATURE_MISMATCH);
  });

  it("refuses an ACK that holds nothing for the device", () => {
    const file = interpretImport([ackXml(randomBytes(32))], pems);
    expect(() => applyImport({ udiPid: "C8000V", udiSn: "OTHER", installed: {} }, file, AT)).toThrow("The file holds nothing for PID:C8000V,SN:OTHER.");
  });

  it("reads a tarred ACK", async () => {
    const secret = randomBytes(32);
    const tar = await usageTar({ members: [{ name: "ACK_dev.xml", content: ackXml(secret) }], gzip: true });
    const file = interpretImport(await readImportDocuments(tar), pems);
    expect(applyImport(DEVICE, file, AT).trustSecret?.equals(secret)).toBe(true);
  });

  it("installs a SLAC and an SLR code and shows the F-10 confirmation code", () => {
    const slac = interpretImport([codeXml("smartLicenseAuthorization")], pems);
    expect(slac.kind).toBe("SLAC");
    const a = applyImport(DEVICE, slac, AT);
    expect(a.confirmationCode).toBe(confirmationCode(PIID, "1709985600000"));
    expect(a.installed.slac).toMatchObject({ piid: PIID, entitlements: [{ tag: TAG, count: 1 }] });

    const slr = interpretImport([codeXml("specificPLR")], pems);
    expect(slr.kind).toBe("SLR");
    const b = applyImport(DEVICE, slr, AT);
    expect(b.installed.reservation).toMatchObject({ kind: "SLR", piid: PIID, confirmationCode: b.confirmationCode });
    expect(b.confirmationCode).toMatch(/^[0-9a-f]{8}$/);
  });

  it("refuses a code for another device and a code whose signature does not match", () => {
    const other = interpretImport([codeXml("smartLicenseAuthorization", "P:C8000V,S:OTHER")], pems);
    expect(() => applyImport(DEVICE, other, AT)).toThrow("This authorization code is for another device (PID:C8000V,SN:OTHER).");
    const forged = codeXml("smartLicenseAuthorization").replace("<count>1</count>", "<count>9</count>");
    expect(() => interpretImport([forged], pems)).toThrow(SIGNATURE_MISMATCH);
  });

  it("computes a PLR confirmation code from the issuing authorization, and refuses other files", () => {
    const file = interpretImport(["DA3Ks9-WM4yzT-Y7UAbh-GGXUwr-qARDsq-sjJs9e-Z3Xqix-TKcsy9-z6\n"], pems);
    expect(file).toEqual({ kind: "PLR", code: "DA3Ks9-WM4yzT-Y7UAbh-GGXUwr-qARDsq-sjJs9e-Z3Xqix-TKcsy9-z6" });
    expect(applyImport(DEVICE, file, AT, { piid: PIID, issuedAtMs: 1709985600000, codeText: null }).confirmationCode).toBe(
      confirmationCode(PIID, 1709985600000),
    );
    expect(() => applyImport(DEVICE, file, AT, null)).toThrow("This PLR code was not issued to this device.");
    expect(() => interpretImport(["<smartLicense><x/></smartLicense>"], pems)).toThrow("The file is not an ACK, policy, SLAC, SLR or PLR code.");
    expect(() => interpretImport(['<!DOCTYPE x [<!ENTITY a "b">]><smartLicense/>'], pems)).toThrow(/document type declaration/);
  });
});
