import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { BenchBackend } from "./types";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** Embedded PGlite in the fresh temp OPENSSM_DATA_DIR that every bench server gets. */
const pglite: BenchBackend = {
  name: "pglite",
  async prepare() {
    return { env: {}, cleanup: async () => {} };
  },
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/**
 * PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test): a fresh
 * database `openssm_bench_<random>` is created on that server for the run and dropped after.
 */
const postgresBackend: BenchBackend = {
  name: "postgres",
  async prepare() {
    const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
    const admin = postgres(adminUrl, { max: 1, connect_timeout: 5, idle_timeout: 5, onnotice: () => {} });
    const database = `openssm_bench_${randomBytes(4).toString("hex")}`;
    try {
      await admin`select 1`;
    } catch (err) {
      await admin.end({ timeout: 1 }).catch(() => {});
      return { skip: `PostgreSQL at ${redact(adminUrl)} is unreachable (${(err as Error).message}); set BENCH_DATABASE_URL to bench it.` };
    }
    try {
      await admin.unsafe(`CREATE DATABASE "${database}"`);
    } catch (err) {
      await admin.end({ timeout: 1 }).catch(() => {});
      return { skip: `Could not create database ${database} at ${redact(adminUrl)} (${(err as Error).message}).` };
    }
    return {
      env: { DATABASE_URL: withDatabase(adminUrl, database), AUTH_SECRET: randomBytes(32).toString("base64url") },
      cleanup: async () => {
        try {
          await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        } catch {
          await admin.unsafe(`DROP DATABASE IF EXISTS "${database}"`);
        } finally {
          await admin.end({ timeout: 5 });
        }
      },
    };
  },
};

/** Run in this order; add a backend by appending here. */
export const BACKENDS: BenchBackend[] = [pglite, postgresBackend];
