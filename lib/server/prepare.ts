import { type DatabaseHandle, migrateDatabase } from "@/db/client";
import { recomputeAllAlerts } from "@/lib/alerts/engine";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { checkSecretFingerprint } from "@/lib/secrets";
import { ensureSigningKey } from "@/lib/signing/keys";
import { seedDemo } from "@/lib/seed/demo";
import { loadReferenceData } from "@/lib/seed/reference";
import { isDatabaseEmpty } from "@/lib/seed/reset";

/**
 * Before serving: apply migrations, check the secret against this database (§0.5), make sure a
 * signing key exists (F-4), load the reference data (DD-1), and seed the demo data into an empty
 * database unless OPENSSM_SEED=none.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  opts: { seedDemo?: boolean } = {},
): Promise<{ seeded: boolean }> {
  await migrateDatabase(handle);
  await checkSecretFingerprint(handle.db);
  await ensureSigningKey(handle.db);
  await loadReferenceData(handle.db);
  const wantSeed = opts.seedDemo ?? config.seedMode === "demo";
  if (wantSeed && (await isDatabaseEmpty(handle.db))) {
    await handle.db.transaction(async (tx) => {
      await seedDemo(tx, now());
      await recomputeAllAlerts(tx, now());
    });
    return { seeded: true };
  }
  return { seeded: false };
}
