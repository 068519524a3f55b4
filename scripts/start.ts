import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolveAuthSecret } from "@/lib/secrets";
import { buildState } from "./build-state";

/**
 * `npm start`: build when the sources changed, migrate, seed an empty database, then serve.
 * `npm run dev` does the same with `next dev` instead of a build.
 */
const dev = process.argv.includes("--dev");
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const port = process.env.PORT || "3000";

function fail(message: string): never {
  console.error(`[openssm] ${message}`);
  process.exit(1);
}

function buildIfNeeded(): void {
  if (buildState() === "fresh") return;
  console.log("[openssm] Building the application (first start or changed sources)…");
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) fail("The build failed; see the output above.");
}

let secret: string;
try {
  secret = resolveAuthSecret();
} catch (err) {
  fail((err as Error).message);
}
process.env.AUTH_SECRET = secret;

if (!dev) buildIfNeeded();

const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-prepare.ts"], {
  stdio: "inherit",
  env: { ...process.env, AUTH_SECRET: secret },
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", ...(dev ? {} : { NODE_ENV: "production" }) },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
