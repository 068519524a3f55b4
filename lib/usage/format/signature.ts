import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** F-1.4 `builtin` key: SHA-256("builtin|" + udi_pid + "|" + udi_serial_number). */
export function builtinRumKey(udiPid: string, udiSn: string): Buffer {
  return createHash("sha256").update(`builtin|${udiPid}|${udiSn}`, "utf8").digest();
}

/** F-1.4 signature value: base64(HMAC-SHA256(K, UTF-8 bytes of the payload string)). */
export function rumSignatureValue(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload, "utf8").digest("base64");
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "base64");
  const b = Buffer.from(given, "base64");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * F-1.4 verification: the exact payload string first, then its re-serialised form
 * (`JSON.stringify(JSON.parse(payload))`), because some clients re-serialise the payload.
 */
export function rumSignatureMatches(key: Buffer, payload: string, value: string): boolean {
  if (sameSignature(rumSignatureValue(key, payload), value)) return true;
  try {
    return sameSignature(rumSignatureValue(key, JSON.stringify(JSON.parse(payload))), value);
  } catch {
    return false;
  }
}
