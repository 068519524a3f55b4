import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { config } from "../lib/config";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Domain functions take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
};

export class StartupError extends Error {}

const here = path.dirname(fileURLToPath(import.meta.url));
export function migrationsFolder(): string {
  const fromCwd = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");
  return fs.existsSync(fromCwd) ? fromCwd : path.join(here, "migrations");
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new StartupError(
      `Cannot reach the PostgreSQL database named by DATABASE_URL (${redact(url)}): ${(err as Error).message}`,
    );
  }
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** Opens PGlite in `dir`, or in memory when `dir` is undefined. */
export async function openPglite(dir?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { citext } = await import("@electric-sql/pglite/contrib/citext");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    release = takeFolderLock(dir);
  }
  let client;
  try {
    client = await PGlite.create(dir ? { dataDir: dir, extensions: { citext, pg_trgm } } : { extensions: { citext, pg_trgm } });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** PGlite has no cross-process lock, so a second server on the same folder would corrupt it. */
function takeFolderLock(dir: string): () => void {
  const lockFile = path.join(dir, "openssm.pid");
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StartupError(
        `The database folder ${dir} is already in use by another OpenSSM process (pid ${pid}). ` +
          `Stop that process first, or set OPENSSM_DATA_DIR to a different folder.`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {}
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "an invalid URL";
  }
}

export function pgliteFolder(): string {
  return path.join(config.dataDir, "pglite");
}

/** The configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(pgliteFolder());
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const folder = migrationsFolder();
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  }
}
