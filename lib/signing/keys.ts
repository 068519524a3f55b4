import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signingKeys } from "@/db/schema";
import { now } from "@/lib/clock";
import { seal, unseal } from "@/lib/crypto/seal";

/** The key that signs every new document (D-29: exactly one is current). */
export type SigningKey = { keyId: string; privateKey: KeyObject; publicPem: string };
export type PublishedKey = { keyId: string; publicPem: string; createdAt: Date; retiredAt: Date | null };

// Unwrapped private keys by id: unwrapping costs an HKDF and a PEM parse per document otherwise.
const unwrapped = new Map<string, KeyObject>();

function toSigningKey(row: typeof signingKeys.$inferSelect): SigningKey {
  let privateKey = unwrapped.get(row.keyId + row.publicPem);
  if (!privateKey) {
    privateKey = createPrivateKey(unseal(row.privatePem, "signing-key-wrap").toString("utf8"));
    unwrapped.set(row.keyId + row.publicPem, privateKey);
  }
  return { keyId: row.keyId, privateKey, publicPem: row.publicPem };
}

function publicPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
}

/** `k-YYYY-MM`, with `-2`, `-3`… when a key of that month exists already. */
async function nextKeyId(db: DbOrTx): Promise<string> {
  const base = `k-${now().toISOString().slice(0, 7)}`;
  const taken = new Set(
    (await db.select({ id: signingKeys.keyId }).from(signingKeys).where(sql`${signingKeys.keyId} like ${base + "%"}`)).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

async function storeCurrentKey(db: DbOrTx, privateKey: KeyObject): Promise<void> {
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await db.update(signingKeys).set({ retiredAt: now() }).where(isNull(signingKeys.retiredAt));
  await db.insert(signingKeys).values({
    keyId: await nextKeyId(db),
    privatePem: seal(pem, "signing-key-wrap"),
    publicPem: publicPemOf(privateKey),
    createdAt: now(),
  });
}

function generateP256(): KeyObject {
  return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
}

/**
 * F-4: makes sure a current key exists — imported from ACK_SIGNING_PRIVATE_KEY when that key is not
 * stored yet (so a later rotation survives restarts), otherwise generated once.
 */
export async function ensureSigningKey(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const fromEnv = process.env.ACK_SIGNING_PRIVATE_KEY?.trim();
    if (fromEnv) {
      const imported = createPrivateKey(fromEnv.replace(/\\n/g, "\n"));
      if (imported.asymmetricKeyType !== "ec" || imported.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
        throw new Error("ACK_SIGNING_PRIVATE_KEY must be an ECDSA P-256 private key in PEM form.");
      }
      const [stored] = await tx.select({ id: signingKeys.keyId }).from(signingKeys).where(eq(signingKeys.publicPem, publicPemOf(imported)));
      if (!stored) return storeCurrentKey(tx, imported);
    }
    const [current] = await tx.select({ id: signingKeys.keyId }).from(signingKeys).where(isNull(signingKeys.retiredAt)).limit(1);
    if (!current) await storeCurrentKey(tx, generateP256());
  });
}

/** The current signing key, created on first use. */
export async function currentSigningKey(db: DbOrTx): Promise<SigningKey> {
  const find = () =>
    db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(desc(signingKeys.createdAt)).limit(1);
  let [row] = await find();
  if (!row) {
    await ensureSigningKey(db);
    [row] = await find();
  }
  return toSigningKey(row);
}

/** `npm run keys:rotate`: a new current key; the old one is `Retired` but stays published (D-29). */
export async function rotateSigningKey(db: DbOrTx): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    await storeCurrentKey(tx, generateP256());
    const [row] = await tx.select({ id: signingKeys.keyId }).from(signingKeys).where(isNull(signingKeys.retiredAt));
    return row.id;
  });
}

/** Every key ever used, newest first (S-26a, A-26): retired keys still verify what they signed. */
export async function publishedSigningKeys(db: DbOrTx): Promise<PublishedKey[]> {
  return db
    .select({ keyId: signingKeys.keyId, publicPem: signingKeys.publicPem, createdAt: signingKeys.createdAt, retiredAt: signingKeys.retiredAt })
    .from(signingKeys)
    .orderBy(desc(signingKeys.createdAt), asc(signingKeys.keyId));
}

export async function publishedSigningKey(db: DbOrTx, keyId: string): Promise<PublishedKey | undefined> {
  const [row] = await db
    .select({ keyId: signingKeys.keyId, publicPem: signingKeys.publicPem, createdAt: signingKeys.createdAt, retiredAt: signingKeys.retiredAt })
    .from(signingKeys)
    .where(and(eq(signingKeys.keyId, keyId)));
  return row;
}
