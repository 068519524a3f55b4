import { createHash, randomBytes } from "node:crypto";
import { seal, unseal } from "@/lib/crypto/seal";
import { deriveKey } from "@/lib/secrets";

/** D-11 storage: AES-256-GCM under `token-encryption`; SHA-256 for lookup. */
export function encryptToken(token: string, iv: Buffer = randomBytes(12), key = deriveKey("token-encryption")): Buffer {
  return seal(token, "token-encryption", iv, key);
}

export function decryptToken(stored: Buffer, key = deriveKey("token-encryption")): string {
  return unseal(stored, "token-encryption", key).toString("utf8");
}

export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}
