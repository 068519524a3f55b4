import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { parseArgs } from "./cli";

/**
 * Starts a fresh instance for Playwright: an empty PGlite folder, or a new database on the
 * TEST_DATABASE_URL server. The E2E suites pin the clock and reset the data through A-25.
 */
const args = parseArgs(process.argv.slice(2));
const driver = args.driver === "postgres" ? "postgres" : "pglite";
const port = String(args.port ?? 3100);
const env: NodeJS.ProcessEnv = { ...process.env, E2E: "1", DEMO_TOOLS: "1", PORT: port, OPENSSM_CLOCK: "2024-03-10T12:00:00Z" };
delete env.DATABASE_URL;

if (driver === "pglite") {
  const dir = path.resolve(`.data-e2e-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  env.OPENSSM_DATA_DIR = dir;
} else {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `openssm_e2e_${port}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  env.AUTH_SECRET = "e2e-secret-for-postgres-runs-only";
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
