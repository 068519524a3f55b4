import { createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { StartupError } from "@/db/client";
import { secretFingerprint } from "@/db/schema";
import { config } from "./config";

export type KeyLabel =
  | "session"
  | "token-encryption"
  | "token-mac"
  | "code-mac"
  | "signing-key-wrap"
  | "credential-encryption"
  | "fingerprint";

export const AUTH_SECRET_REQUIRED = "AUTH_SECRET is required when DATABASE_URL is set.";
export const AUTH_SECRET_MISMATCH = "AUTH_SECRET does not match the one this database was created with.";

/**
 * §0.5: the environment wins; with DATABASE_URL it is required; with embedded PGlite a random
 * secret is generated once and kept in the data folder.
 */
export function resolveAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (config.databaseUrl) throw new StartupError(AUTH_SECRET_REQUIRED);
  const file = path.join(config.dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export function deriveKey(label: KeyLabel, secret = resolveAuthSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `openssm:${label}`, 32));
}

/** Records the secret's fingerprint at first start; refuses a different secret later (D-29). */
export async function checkSecretFingerprint(db: DbOrTx, secret = resolveAuthSecret()): Promise<void> {
  const fingerprint = deriveKey("fingerprint", secret);
  const [row] = await db.select().from(secretFingerprint).where(eq(secretFingerprint.id, 1));
  if (!row) {
    await db.insert(secretFingerprint).values({ id: 1, fingerprint }).onConflictDoNothing();
    return;
  }
  if (row.fingerprint.length !== fingerprint.length || !timingSafeEqual(row.fingerprint, fingerprint)) {
    throw new StartupError(AUTH_SECRET_MISMATCH);
  }
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
