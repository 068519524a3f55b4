import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey, type KeyLabel } from "@/lib/secrets";

/**
 * AES-256-GCM under a key derived from AUTH_SECRET (§0.5), stored as iv(12) ‖ tag(16) ‖ ciphertext.
 * Used for registration tokens (D-11), signing keys (D-29) and device credentials (D-21, D-23, D-24).
 */
export function seal(plain: Buffer | string, label: KeyLabel, iv: Buffer = randomBytes(12), key = deriveKey(label)): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(typeof plain === "string" ? Buffer.from(plain, "utf8") : plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(stored: Buffer, label: KeyLabel, key = deriveKey(label)): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
}
