import { randomBytes } from "node:crypto";
import { type DatabaseHandle, migrateDatabase, openPglite, openPostgres } from "@/db/client";
import { loadReferenceData } from "@/lib/seed/reference";

export type Driver = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const drivers: Driver[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

process.env.AUTH_SECRET ??= "test-secret-for-openssm-tests-only";

/**
 * A fresh, migrated database with reference data: in-memory PGlite, or a new PostgreSQL
 * database on the TEST_DATABASE_URL server (dropped on close), so test files never share state.
 */
export async function openTestDb(driver: Driver): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (driver === "pglite") {
    handle = await openPglite();
  } else {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `openssm_t_${randomBytes(6).toString("hex")}`;
    const admin = await openPostgres(base);
    await admin.db.execute(`create database ${name}` as never);
    await admin.close();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const inner = await openPostgres(url.toString());
    handle = {
      ...inner,
      close: async () => {
        await inner.close();
        const again = await openPostgres(base);
        await again.db.execute(`drop database if exists ${name} with (force)` as never);
        await again.close();
      },
    };
  }
  await migrateDatabase(handle);
  await loadReferenceData(handle.db);
  return handle;
}
