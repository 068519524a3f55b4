import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "@/db/client";
import * as schema from "@/db/schema";
import { recomputeAllAlerts } from "@/lib/alerts/engine";
import { scheduleRecurringAlertJobs } from "@/lib/alerts/jobs";
import { seedDemo } from "./demo";
import { loadReferenceData, pruneNonReferenceData } from "./reference";

/** Tables the reset keeps (W-59): signing keys, the secret fingerprint and the reference data. */
const KEPT_TABLES = new Set([
  "signing_keys",
  "secret_fingerprint",
  "policies",
  "license_definitions",
  "product_map",
  "hsec_map",
  "sku_map",
]);

/** Every other table of the schema, so tables added later are reset too. */
export function demoTableNames(): string[] {
  const names = Object.values(schema as Record<string, unknown>)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table as PgTable))
    .filter((name) => !KEPT_TABLES.has(name));
  return [...new Set(names)].sort();
}

/**
 * W-59 / A-25: removes all demo data in one transaction, restores the reference data exactly as
 * at install (custom policies and imported definitions go), then seeds DD again for `demo`.
 */
export async function resetDemoData(db: Db, mode: "demo" | "empty", t0: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const list = demoTableNames()
      .map((name) => `"${name}"`)
      .join(", ");
    await tx.execute(sql.raw(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`));
    await loadReferenceData(tx, { overwrite: true });
    await pruneNonReferenceData(tx);
    if (mode === "demo") await seedDemo(tx, t0);
    // DD-14 holds right after the reset; the recurring alert jobs start again from T0.
    if (mode === "demo") await recomputeAllAlerts(tx, t0);
    await scheduleRecurringAlertJobs(tx, t0);
  });
}

/** True when no user and no Smart Account exist (a fresh install, or after the `empty` reset). */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).limit(1);
  if (user) return false;
  const [sa] = await db.select({ id: schema.smartAccounts.id }).from(schema.smartAccounts).limit(1);
  return !sa;
}
