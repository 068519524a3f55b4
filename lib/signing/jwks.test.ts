import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jwksDocument, keySetFromJwks, parsePemKeys, pemBundle, publicJwk } from "./jwks";

const pemOf = () =>
  generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();

describe("A-26 key formats", () => {
  const keys = [
    { keyId: "k-2024-03-2", publicPem: pemOf() },
    { keyId: "k-2024-03", publicPem: pemOf() },
  ];

  it("converts a public PEM to an EC P-256 JWK with kid, alg and use", () => {
    const jwk = publicJwk("k-2024-03", keys[1].publicPem);
    expect(Object.keys(jwk).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
    expect(jwk).toMatchObject({ kty: "EC", crv: "P-256", kid: "k-2024-03", alg: "ES256", use: "sig" });
    expect(Buffer.from(jwk.x, "base64url")).toHaveLength(32);
    const back = createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "pem" }).toString();
    expect(back).toBe(keys[1].publicPem);
  });

  it("round-trips the JWKS document and the PEM bundle to the same keys by id", () => {
    const fromJwks = keySetFromJwks(JSON.parse(JSON.stringify(jwksDocument(keys))));
    const fromPem = parsePemKeys(pemBundle(keys));
    for (const set of [fromJwks, fromPem]) {
      expect([...set.named.keys()]).toEqual(["k-2024-03-2", "k-2024-03"]);
      expect(set.unnamed).toEqual([]);
      for (const k of keys) expect(set.named.get(k.keyId)!.trim()).toBe(k.publicPem.trim());
    }
  });

  it("writes each key of the bundle after its `# kid:` line", () => {
    const text = pemBundle(keys);
    expect(text.startsWith("# kid: k-2024-03-2\n-----BEGIN PUBLIC KEY-----\n")).toBe(true);
    expect(text.match(/^# kid: /gm)).toHaveLength(2);
  });

  it("refuses a document that is not a key set", () => {
    expect(() => keySetFromJwks({ nope: [] })).toThrow("no keys array");
    expect(() => parsePemKeys("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).toThrow();
  });
});
