import { createHash } from "node:crypto";

/** Fixed project namespace for deterministic demo ids (DD-1). */
export const OPENSSM_NAMESPACE = "6f1c2b52-8a0e-5d7e-9b6a-0c5e4f3d2a10";

/** RFC 4122 version-5 UUID of `name` in `namespace`. */
export function uuidv5(name: string, namespace = OPENSSM_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Deterministic digits from a name, e.g. a 6-digit `va_numeric_id`. */
export function digitsFrom(name: string, length: number): string {
  const n = BigInt("0x" + createHash("sha256").update(name).digest("hex").slice(0, 15));
  const min = 10n ** BigInt(length - 1);
  return String(min + (n % (9n * min)));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_RE.test(value);
}
