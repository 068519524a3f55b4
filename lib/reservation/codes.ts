import { createHash } from "node:crypto";

/**
 * F-10 reservation, return and confirmation codes. Derived from data the device holds (the piid and
 * timestamp of its installed code, its UDI), so the simulator and the portal compute the same codes.
 */

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Digits a byte string of `n` bytes needs in base 62 (32 bytes → 43). */
function naturalWidth(n: number): number {
  return Math.ceil((n * 8) / Math.log2(62));
}

/**
 * F-10 base62: the bytes as a big-endian integer, most-significant digit first, left-padded with
 * `0` to `width` (by default the width the byte count needs).
 */
export function base62(bytes: Buffer, width = naturalWidth(bytes.length)): string {
  let n = BigInt("0x" + (bytes.toString("hex") || "0"));
  let out = "";
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(width, "0");
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** `abcdef-ghijkl-…`: groups of 6 with `-`, the last group holding the rest. */
export function groupCode(code: string): string {
  return code.match(/.{1,6}/g)!.join("-");
}

/** For comparing codes: dashes and surrounding whitespace are ignored, case matters (F-10). */
export function normalizeCode(code: string): string {
  return code.trim().replace(/-/g, "");
}

export const REQUEST_CODE_RE =
  /^[A-Z]{2}-Z(?<pid>[A-Za-z0-9/_.-]+?):(?<sn>[A-Za-z0-9-]+)-(?<nonce>[A-Za-z0-9]{9})-(?<chk>[A-Za-z0-9]{2})$/;

/** Request code as the simulator writes it: `DB-Z{pid}:{sn}-{nonce}-{chk}` (SLR and PLR). */
export function requestCode(udiPid: string, udiSn: string, nonce: string): string {
  if (!/^[A-Za-z0-9]{9}$/.test(nonce)) throw new Error("The request-code nonce is 9 letters or digits.");
  const head = `DB-Z${udiPid}:${udiSn}-${nonce}`;
  return `${head}-${base62(sha256(head)).slice(0, 2)}`;
}

export function parseRequestCode(code: string): { udiPid: string; udiSn: string } | null {
  const m = REQUEST_CODE_RE.exec(code.trim());
  return m ? { udiPid: m.groups!.pid, udiSn: m.groups!.sn } : null;
}

export type AuthorizationKind = "SLAC" | "SLR" | "PLR";

/**
 * Return code for an installed authorization: `C` + the first 50 (SLAC, SLR) or 32 (PLR) base62
 * characters of SHA-256("RETURN|{kind}|{piid}|{udi_pid}|{udi_sn}"), grouped by 6.
 * A SHA-256 has at most 43 base62 digits, so the 50-character form is left-padded with `0` (F-10).
 */
export function returnCode(kind: AuthorizationKind, piid: string, udiPid: string, udiSn: string): string {
  const length = kind === "PLR" ? 32 : 50;
  const digits = base62(sha256(`RETURN|${kind}|${piid}|${udiPid}|${udiSn}`), Math.max(length, 43)).slice(0, length);
  return groupCode(`C${digits}`);
}

/** The 8 lowercase hex characters a device prints after installing a code (F-10). */
export function confirmationCode(piid: string, timestamp: string | number): string {
  return sha256(`CONFIRM|${piid}|${timestamp}`).toString("hex").slice(0, 8);
}

/** F-10 shapes: `C` + 50 (SLAC/SLR) or `C` + 32 (PLR) base62 characters, dashes ignored. */
export function isReturnCodeShape(code: string, kind: AuthorizationKind): boolean {
  return new RegExp(`^C[0-9A-Za-z]{${kind === "PLR" ? 32 : 50}}$`).test(normalizeCode(code));
}

/** A PLR code is version 3 when it starts with `D` and is 58 characters long (F-10). */
export function isPlrV3(code: string): boolean {
  const c = code.trim();
  return c.startsWith("D") && c.length === 58;
}
