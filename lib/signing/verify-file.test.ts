import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { signDataWith, signedElementXml } from "./document";
import { type KeySet, parsePemKeys, pemBundle } from "./jwks";
import type { SigningKey } from "./keys";
import { signMessage } from "./sign";
import { resultLine, verifyFile } from "./verify-file";

function testKey(keyId: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId, privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const key = testKey("k-2024-03");
const other = testKey("k-2024-04");
const keys: KeySet = parsePemKeys(pemBundle([key]));

function ackXml(signer: SigningKey, n: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>${signedElementXml("smartLicenseRumAck", signDataWith(signer, { type: "rum_ack", n }))}${signedElementXml(
    "smartLicensePolicy",
    signDataWith(signer, { type: "policy", n }),
  )}</smartLicense>\n`;
}

/** F-6: the signature covers `udiText + "\n" + authorizationCodeXml` and names no key. */
function slacXml(signer: SigningKey): string {
  const udi = "P:C8300-1N1S-4T2X,S:FDO2250A0J5";
  const code = "<authorizationCode><flag>A</flag><version>C</version><piid>x</piid><timestamp>1</timestamp></authorizationCode>";
  return `<smartLicenseAuthorization><udi>${udi}</udi>${code}<signature>${signMessage(signer, `${udi}\n${code}`)}</signature></smartLicenseAuthorization>`;
}

describe("verify-ack (F-4)", () => {
  it("verifies every signed element of a good ACK, including an F-6 authorization code", async () => {
    const xml = ackXml(key, 1).replace("</smartLicense>", `${slacXml(key)}</smartLicense>`);
    const results = await verifyFile(Buffer.from(xml), "ACK_usage_report.txt", keys);
    expect(results.map((r) => [r.element, r.keyId, r.ok])).toEqual([
      ["smartLicenseRumAck", "k-2024-03", true],
      ["smartLicensePolicy", "k-2024-03", true],
      ["smartLicenseAuthorization", "k-2024-03", true],
    ]);
    expect(resultLine(results[0])).toBe("OK    ACK_usage_report.txt  smartLicenseRumAck  key k-2024-03");
  });

  it("fails a tampered element and leaves the others verified", async () => {
    const xml = ackXml(key, 1).replace('"n":1,"type":"rum_ack"', '"n":2,"type":"rum_ack"');
    const results = await verifyFile(Buffer.from(xml), "ACK_x.txt", keys);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(results[0].reason).toBe("signature does not match");
    expect(resultLine(results[0])).toMatch(/^FAIL {2}ACK_x\.txt {2}smartLicenseRumAck {2}key k-2024-03 {2}\(signature does not match\)$/);
  });

  it("fails an element signed by a key it was not given, and an authorization code nobody given signed", async () => {
    const xml = ackXml(other, 1).replace("</smartLicense>", `${slacXml(other)}</smartLicense>`);
    const results = await verifyFile(Buffer.from(xml), "ACK_x.txt", keys);
    expect(results.map((r) => [r.ok, r.reason])).toEqual([
      [false, "unknown key k-2024-04"],
      [false, "unknown key k-2024-04"],
      [false, "signature does not match any given key"],
    ]);
  });

  it("tries a bare PEM (no kid) for any key id, and still refuses a wrong one", async () => {
    const bare = parsePemKeys(other.publicPem);
    expect(bare.named.size).toBe(0);
    expect((await verifyFile(Buffer.from(ackXml(other, 1)), "a.txt", bare)).every((r) => r.ok)).toBe(true);
    expect((await verifyFile(Buffer.from(ackXml(key, 1)), "a.txt", bare)).some((r) => r.ok)).toBe(false);
  });

  it("verifies every member of a tar and a tar.gz ACK bundle, ignoring the manifest", async () => {
    for (const gzip of [false, true]) {
      const bundle = await usageTar({
        members: [
          { name: "ACK_dev_A.xml", content: ackXml(key, 1) },
          { name: "ACK_dev_B.xml", content: ackXml(key, 2).replace('"n":2,"type":"policy"', '"n":3,"type":"policy"') },
        ],
        extraGlobal: { "ACK-For": "UD_1.tar" },
        gzip,
      });
      const results = await verifyFile(bundle, "ACK_UD_1.tar", keys);
      expect(results.map((r) => [r.source, r.element, r.ok])).toEqual([
        ["ACK_UD_1.tar:ACK_dev_A.xml", "smartLicenseRumAck", true],
        ["ACK_UD_1.tar:ACK_dev_A.xml", "smartLicensePolicy", true],
        ["ACK_UD_1.tar:ACK_dev_B.xml", "smartLicenseRumAck", true],
        ["ACK_UD_1.tar:ACK_dev_B.xml", "smartLicensePolicy", false],
      ]);
    }
  });

  it("finds nothing in a file without signed elements", async () => {
    expect(await verifyFile(Buffer.from("<smartLicense></smartLicense>"), "empty.xml", keys)).toEqual([]);
  });
});
