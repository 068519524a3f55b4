import { createPublicKey, sign, verify } from "node:crypto";
import type { SigningKey } from "./keys";

/** F-4: ECDSA P-256 / SHA-256, DER-encoded, standard base64 with padding. */
export function signMessage(key: SigningKey, message: string | Buffer): string {
  const bytes = typeof message === "string" ? Buffer.from(message, "utf8") : message;
  return sign("sha256", bytes, { key: key.privateKey, dsaEncoding: "der" }).toString("base64");
}

export function verifyMessage(publicPem: string, message: string | Buffer, signatureB64: string): boolean {
  const bytes = typeof message === "string" ? Buffer.from(message, "utf8") : message;
  try {
    return verify("sha256", bytes, { key: createPublicKey(publicPem), dsaEncoding: "der" }, Buffer.from(signatureB64, "base64"));
  } catch {
    return false;
  }
}
