import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { findSignedElements } from "./document";
import type { KeySet } from "./jwks";
import { verifyMessage } from "./sign";

/** One signed element of a checked file: where it was, which key it names, and the verdict. */
export type ElementResult = {
  /** The file, or `{bundle}:{member}` for a tar member. */
  source: string;
  element: string;
  keyId: string | null;
  ok: boolean;
  reason: string;
};

const MAX_MEMBER_BYTES = 50 * 1024 * 1024;
const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTar = (b: Buffer) => b.length >= 512 && b.toString("latin1", 257, 262) === "ustar";

async function tarMembers(bytes: Buffer): Promise<{ name: string; content: Buffer }[]> {
  const out: { name: string; content: Buffer }[] = [];
  const ex = extract();
  ex.end(bytes);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of entry) {
      size += (chunk as Buffer).length;
      if (size > MAX_MEMBER_BYTES) throw new Error(`Member ${entry.header.name} is too large.`);
      chunks.push(chunk as Buffer);
    }
    // Only regular files carry documents; directories, links and special files are skipped.
    if (entry.header.type === "file") out.push({ name: entry.header.name, content: Buffer.concat(chunks) });
  }
  return out;
}

/** The text between `<tag>` and `</tag>` of every occurrence, in document order. */
const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

/**
 * F-4 XML authorization codes (F-6 SLAC, F-8 SLR): the signature covers
 * `udiText + "\n" + authorizationCodeXml` and names no key, so every known key is tried.
 */
function verifyAuthorizationCodes(text: string, source: string, keys: KeySet): ElementResult[] {
  const results: ElementResult[] = [];
  for (const m of text.matchAll(/<(smartLicenseAuthorization|specificPLR)>([\s\S]*?)<\/\1>/g)) {
    const body = m[2];
    const code = body.match(/<authorizationCode>[\s\S]*<\/authorizationCode>/)?.[0];
    const signature = body.match(/<signature>([A-Za-z0-9+/=\s]+)<\/signature>/)?.[1]?.replace(/\s+/g, "");
    if (!code || !signature) continue;
    const message = `${texts(body, "udi").join(",")}\n${code}`;
    const match = [...keys.named.entries()].find(([, pem]) => verifyMessage(pem, message, signature));
    const anonymous = !match && keys.unnamed.some((pem) => verifyMessage(pem, message, signature));
    results.push({
      source,
      element: m[1],
      keyId: match?.[0] ?? null,
      ok: Boolean(match) || anonymous,
      reason: match || anonymous ? "" : "signature does not match any given key",
    });
  }
  return results;
}

/** Checks every signed element of one XML or text document. */
export function verifyDocument(text: string, source: string, keys: KeySet): ElementResult[] {
  const clean = text.replace(/^\uFEFF/, "");
  const results: ElementResult[] = findSignedElements(clean).map((el) => {
    const named = keys.named.get(el.keyId);
    const candidates = named ? [named] : keys.unnamed;
    if (candidates.length === 0) return { source, element: el.element, keyId: el.keyId, ok: false, reason: `unknown key ${el.keyId}` };
    const ok = candidates.some((pem) => verifyMessage(pem, el.dataText, el.signature));
    return { source, element: el.element, keyId: el.keyId, ok, reason: ok ? "" : "signature does not match" };
  });
  return [...results, ...verifyAuthorizationCodes(clean, source, keys)];
}

/**
 * `npm run verify-ack`: an ACK `.txt`/`.xml`, or an ACK bundle (`.tar`, `.tar.gz`, recognised by
 * magic bytes): every signed element of every member, checked against the given public keys.
 */
export async function verifyFile(bytes: Buffer, name: string, keys: KeySet, depth = 0): Promise<ElementResult[]> {
  let data = bytes;
  if (isGzip(data)) data = gunzipSync(data, { maxOutputLength: MAX_EXPANDED_BYTES });
  if (!isTar(data)) return verifyDocument(data.toString("utf8"), name, keys);
  const results: ElementResult[] = [];
  for (const member of await tarMembers(data)) {
    const source = `${name}:${member.name}`;
    const nested = isGzip(member.content) || isTar(member.content);
    if (nested && depth === 0) results.push(...(await verifyFile(member.content, source, keys, 1)));
    else if (!nested) results.push(...verifyDocument(member.content.toString("utf8"), source, keys));
  }
  return results;
}

/** One printed line per element: `OK   {source}  {element}  key {id}` or `FAIL … – {reason}`. */
export function resultLine(r: ElementResult): string {
  const key = r.keyId ? `key ${r.keyId}` : "key -";
  return r.ok ? `OK    ${r.source}  ${r.element}  ${key}` : `FAIL  ${r.source}  ${r.element}  ${key}  (${r.reason})`;
}
