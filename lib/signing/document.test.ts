import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findSignedElements, signDataWith, signedElementXml, verifySignedElement } from "./document";
import { jcs } from "./jcs";
import type { SigningKey } from "./keys";

function testKey(keyId: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId, privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

describe("F-4 signed documents", () => {
  const key = testKey("k-2024-03");
  const pems = new Map([[key.keyId, key.publicPem]]);

  it("signs the JCS form of the data and verifies it", () => {
    const signed = signDataWith(key, { type: "rum_ack", b: 2, a: [1, "x"] });
    expect(signed.dataText).toBe('{"a":[1,"x"],"b":2,"type":"rum_ack"}');
    expect(signed.dataText).toBe(jcs(JSON.parse(signed.dataText)));
    expect(verifySignedElement(signed, pems)).toBe(true);
    expect(Buffer.from(signed.signature, "base64")[0]).toBe(0x30); // DER SEQUENCE
  });

  it("finds signed elements in a document and detects tampering", () => {
    const xml = `<smartLicense>${signedElementXml("smartLicenseRumAck", signDataWith(key, { n: 1 }))}${signedElementXml("smartLicensePolicy", signDataWith(key, { n: 2 }))}</smartLicense>`;
    const found = findSignedElements(xml);
    expect(found.map((f) => f.element)).toEqual(["smartLicenseRumAck", "smartLicensePolicy"]);
    expect(found.every((f) => verifySignedElement(f, pems))).toBe(true);
    const tampered = findSignedElements(xml.replace('{"n":1}', '{"n":9}'));
    expect(verifySignedElement(tampered[0], pems)).toBe(false);
    expect(verifySignedElement(tampered[1], pems)).toBe(true);
  });

  it("keeps text containing ]]> intact across split CDATA sections", () => {
    const signed = signDataWith(key, { message: "a]]>b" });
    const [found] = findSignedElements(signedElementXml("smartLicenseRumAck", signed));
    expect(found.dataText).toBe(signed.dataText);
    expect(verifySignedElement(found, pems)).toBe(true);
  });

  it("refuses a signature by an unknown or different key", () => {
    const other = testKey("k-2024-04");
    const signed = signDataWith(other, { n: 1 });
    expect(verifySignedElement(signed, pems)).toBe(false);
    expect(verifySignedElement({ ...signed, keyId: key.keyId }, pems)).toBe(false);
  });
});
