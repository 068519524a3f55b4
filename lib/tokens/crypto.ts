import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { deriveKey } from "@/lib/secrets";

/** D-11 storage: AES-256-GCM under `token-encryption` as iv(12) ‖ tag(16) ‖ ciphertext; SHA-256 for lookup. */
export function encryptToken(token: string, iv: Buffer = randomBytes(12), key = deriveKey("token-encryption")): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptToken(stored: Buffer, key = deriveKey("token-encryption")): string {
  const decipher = createDecipheriv("aes-256-gcm", key, stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString("utf8");
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}
