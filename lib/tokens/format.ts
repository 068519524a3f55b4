import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/secrets";

export { tokenPreview, wrapForDisplay } from "./display";

/** F-9 ID token: `base64("{token_uuid}-{expiresAtEpochMs}|{mac}")`, wrapped every 60 characters, URL-encoded. */
export type TokenFields = { tokenUuid: string; expiresAt: Date; vaNumericId: string };
export type ParsedToken = { tokenUuid: string; expiresAtMs: number; mac: string };

export class TokenFormatError extends Error {
  constructor(message = "The token is not a valid registration token.") {
    super(message);
    this.name = "TokenFormatError";
  }
}

const RAW_RE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,15})\|([A-Za-z0-9+/]{43}=)$/i;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

export function tokenMac(tokenUuid: string, expiresAtMs: number, vaNumericId: string, key = deriveKey("token-mac")): string {
  return createHmac("sha256", key).update(`${tokenUuid}-${expiresAtMs}-${vaNumericId}`).digest("base64");
}

/** Steps 3–4: wrap the base64 every 60 characters with a trailing LF, then percent-encode. */
function encode(raw: string): string {
  const b64 = Buffer.from(raw, "utf8").toString("base64");
  const wrapped = (b64.match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join("");
  return wrapped.replace(/[\n=+/]/g, (c) => ({ "\n": "%0A", "=": "%3D", "+": "%2B", "/": "%2F" })[c]!);
}

export function buildToken(fields: TokenFields, key?: Buffer): string {
  const ms = fields.expiresAt.getTime();
  const raw = `${fields.tokenUuid}-${ms}|${tokenMac(fields.tokenUuid, ms, fields.vaNumericId, key)}`;
  return encode(raw);
}

/** Accepts the URL-encoded form, the decoded multi-line form and single-line base64. */
export function parseToken(input: string): ParsedToken {
  let text = input.replace(/\s+/g, "");
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text).replace(/\s+/g, "");
    } catch {
      throw new TokenFormatError();
    }
  }
  if (!text || !BASE64_RE.test(text)) throw new TokenFormatError();
  const raw = Buffer.from(text, "base64").toString("utf8");
  const m = RAW_RE.exec(raw);
  if (!m) throw new TokenFormatError();
  return { tokenUuid: m[1].toLowerCase(), expiresAtMs: Number(m[2]), mac: m[3] };
}

/** The canonical (URL-encoded) string of any accepted form: what is hashed for lookup (D-11). */
export function canonicalToken(input: string): string {
  const p = parseToken(input);
  return encode(`${p.tokenUuid}-${p.expiresAtMs}|${p.mac}`);
}

/** True when the MAC matches the token's uuid, expiry and the VA it was issued for. */
export function verifyToken(parsed: ParsedToken, vaNumericId: string, key?: Buffer): boolean {
  const expected = Buffer.from(tokenMac(parsed.tokenUuid, parsed.expiresAtMs, vaNumericId, key));
  const actual = Buffer.from(parsed.mac);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The E-5..E-8 `{label}`: the description, or the first 8 characters of the token. */
export function tokenLabel(description: string | null | undefined, token: string): string {
  return description?.trim() ? description.trim() : token.slice(0, 8);
}

/** W-5 download name `{VA name}_token_{yyyymmdd}.txt`. */
export function tokenFileName(vaName: string, at: Date): string {
  return `${vaName}_token_${at.toISOString().slice(0, 10).replace(/-/g, "")}.txt`;
}
