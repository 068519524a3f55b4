import { generateKeyPairSync } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { describe, expect, it } from "vitest";
import { findSignedElements, signDataWith, signedElementXml, verifySignedElement } from "@/lib/signing/document";
import { jcs } from "@/lib/signing/jcs";
import type { SigningKey } from "@/lib/signing/keys";
import { ACK_DATA_KEYS, ackData, ackMemberNames, ackTar, ackXml, type AckInput } from "./ack";

function testKey(keyId: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId, privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const udi = { udi_pid: "C8300-1N1S-4T2X", udi_serial_number: "FDO2250A0J5" };
const input: AckInput = {
  ackId: "5b0e7c1a-0000-4000-8000-000000000001",
  issuedAt: new Date("2024-03-10T12:00:00Z"),
  smartAccount: { name: "Eg-SA-01", domain: "eg-sa-01.example.com", accountId: "402117" },
  virtualAccount: { name: "Eg-VA-01", vaNumericId: "123456" },
  source: { fileName: "usage_report", channel: "UPLOAD" },
  ackRequired: true,
  reports: [{ udi, report_id: 1671840750, status: "ACK", message: "" }],
  trustCodes: [],
  subscriptions: [],
  dlc: [],
  authorizations: [],
  elements: [],
  policy: { id: "p-1", name: "SLP Policy", version: 1 },
  nextReportDue: [{ udi, dueAt: new Date("2024-05-09T12:00:00Z") }, { udi, dueAt: null }],
};

describe("F-3 ACK", () => {
  const key = testKey("k-2024-03");
  const pems = new Map([[key.keyId, key.publicPem]]);

  it("has exactly the F-3 keys, empty arrays as [] and times in ms", () => {
    const data = ackData(input);
    expect(Object.keys(data)).toEqual([...ACK_DATA_KEYS]);
    expect(data).toMatchObject({
      version: "1.0",
      type: "rum_ack",
      issued_at: 1710072000000,
      smart_account: { name: "Eg-SA-01", domain: "eg-sa-01.example.com", account_id: "402117" },
      virtual_account: { name: "Eg-VA-01", virtual_account_id: "123456" },
      source: { file_name: "usage_report", channel: "UPLOAD" },
      policy: { policy_id: "p-1", name: "SLP Policy", version: 1 },
      next_report_due: [
        { udi, due_at: Date.parse("2024-05-09T12:00:00Z") },
        { udi, due_at: null },
      ],
    });
    expect(jcs(data)).toContain('"dlc":[],"elements":[]');
  });

  it("signs the JCS text, verifies with the public key, and fails once tampered", () => {
    const policyXml = signedElementXml("smartLicensePolicy", signDataWith(key, { type: "policy" }));
    const xml = ackXml(key, ackData(input), policyXml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n  <smartLicenseRumAck><data><![CDATA[')).toBe(true);
    const found = findSignedElements(xml);
    expect(found.map((f) => f.element)).toEqual(["smartLicenseRumAck", "smartLicensePolicy"]);
    expect(found[0].dataText).toBe(jcs(ackData(input)));
    expect(found.every((f) => verifySignedElement(f, pems))).toBe(true);
    const tampered = findSignedElements(xml.replace('"status":"ACK"', '"status":"DROPPED"'));
    expect(verifySignedElement(tampered[0], pems)).toBe(false);
    expect(verifySignedElement(found[0], new Map([[key.keyId, testKey("other").publicPem]]))).toBe(false);
  });

  it("answers a tar with a tar: manifest first, one ACK per member, unique names", async () => {
    expect(ackMemberNames(["dev_A_1.xml", "UD_x.tar/dev_A_1.xml", "rum.TXT"])).toEqual(["ACK_dev_A_1.xml", "ACK_dev_A_1-2.xml", "ACK_rum.xml"]);
    const gz = await ackTar("UD_20240201T101500.tar.gz", "Eg-SA-01", [{ name: "ACK_dev_A_1.xml", xml: "<smartLicense/>" }], true);
    const names: string[] = [];
    const bodies: string[] = [];
    const ex = extract();
    const done = (async () => {
      for await (const e of ex) {
        names.push(e.header.name);
        const parts: Buffer[] = [];
        for await (const c of e) parts.push(c as Buffer);
        bodies.push(Buffer.concat(parts).toString());
      }
    })();
    ex.end(gunzipSync(gz));
    await done;
    expect(names).toEqual(["manifest.mf", "ACK_dev_A_1.xml"]);
    expect(bodies[0]).toBe("Manifest-Version: 1.0\nCreated-By: OpenSSM\nACK-For: UD_20240201T101500.tar.gz\nSmart-Account: Eg-SA-01\n");
  });
});
