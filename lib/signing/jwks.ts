import { createPublicKey } from "node:crypto";

/** one published key as a JWK (EC P-256). */
export type PublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string; kid: string; alg: "ES256"; use: "sig" };

/** Public keys by id, plus keys of unknown id (a bare PEM file), which are tried for any id. */
export type KeySet = { named: Map<string, string>; unnamed: string[] };

export function publicJwk(keyId: string, publicPem: string): PublicJwk {
  const jwk = createPublicKey(publicPem).export({ format: "jwk" });
  if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.x || !jwk.y) throw new Error(`Key ${keyId} is not an EC P-256 key.`);
  return { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, kid: keyId, alg: "ES256", use: "sig" };
}

/** `GET /.well-known/jwks.json` */
export function jwksDocument(keys: { keyId: string; publicPem: string }[]): { keys: PublicJwk[] } {
  return { keys: keys.map((k) => publicJwk(k.keyId, k.publicPem)) };
}

/** `GET /.well-known/openssm/signing-keys.pem`: every key, each preceded by `# kid: {id}`. */
export function pemBundle(keys: { keyId: string; publicPem: string }[]): string {
  return keys.map((k) => `# kid: ${k.keyId}\n${k.publicPem.trim()}\n`).join("");
}

const PEM_RE = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/** Reads a PEM bundle: a block after `# kid: {id}` gets that id; a block without one is unnamed. */
export function parsePemKeys(text: string): KeySet {
  const set: KeySet = { named: new Map(), unnamed: [] };
  let last = 0;
  for (const m of text.matchAll(PEM_RE)) {
    const before = text.slice(last, m.index);
    const kid = [...before.matchAll(/^#\s*kid:\s*(\S+)\s*$/gm)].at(-1)?.[1];
    const pem = `${m[0]}\n`;
    createPublicKey(pem); // refuse a malformed key up front
    if (kid) set.named.set(kid, pem);
    else set.unnamed.push(pem);
    last = m.index + m[0].length;
  }
  return set;
}

/** Reads a JWKS document (A-26 `jwks.json`) into PEM keys by `kid`. */
export function keySetFromJwks(doc: unknown): KeySet {
  const set: KeySet = { named: new Map(), unnamed: [] };
  const keys = (doc as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new Error("The JWKS document has no keys array.");
  for (const jwk of keys as Record<string, string>[]) {
    if (jwk.kty !== "EC" || jwk.crv !== "P-256") continue;
    const pem = createPublicKey({ key: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y }, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    if (jwk.kid) set.named.set(jwk.kid, pem);
    else set.unnamed.push(pem);
  }
  return set;
}

export function keyCount(set: KeySet): number {
  return set.named.size + set.unnamed.length;
}
