import { BACKENDS } from "./bench/backends";
import { loadBenchModules } from "./bench/registry";
import { ensureBuild, startServer, stopAll, type RunningServer } from "./bench/server";
import type { BenchContext } from "./bench/types";

/**
 * `npm run bench`: start a fresh instance per database backend (PGlite always, PostgreSQL when
 * reachable) and run every module in scripts/bench/modules/ against it. Figures go to stdout as
 * `bench <name>: <value> <unit>`; notes and build output go to stderr.
 *
 *   npm run bench -- --backend pglite        only this backend (repeatable)
 *   npm run bench -- --module login_latency  only these modules (repeatable; cold_start is implied)
 *   npm run bench -- --list                  list modules and backends
 *
 * Env: BENCH_DATABASE_URL (PostgreSQL admin URL), BENCH_LOGIN_REQUESTS (200),
 * BENCH_IDLE_SETTLE_MS (5000), KEEP_TMP=1 keeps the temp data folders and server logs.
 */

function argValues(flag: string): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && argv[i + 1]) out.push(...argv[++i].split(","));
    else if (argv[i].startsWith(flag + "=")) out.push(...argv[i].slice(flag.length + 1).split(","));
  }
  return out;
}

const note = (message: string) => console.error(`bench note: ${message}`);

function format(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

async function main(): Promise<number> {
  const modules = await loadBenchModules();
  if (process.argv.includes("--list")) {
    for (const m of modules) console.log(`module ${m.name}: ${m.description}`);
    for (const b of BACKENDS) console.log(`backend ${b.name}`);
    return 0;
  }
  const onlyBackends = argValues("--backend");
  const onlyModules = argValues("--module");
  const unknown = [...onlyBackends.filter((b) => !BACKENDS.some((x) => x.name === b)), ...onlyModules.filter((m) => !modules.some((x) => x.name === m))];
  if (unknown.length) {
    console.error(`Unknown backend or module: ${unknown.join(", ")} (see --list).`);
    return 2;
  }

  let failures = 0;
  for (const backend of BACKENDS) {
    if (onlyBackends.length && !onlyBackends.includes(backend.name)) continue;
    const prepared = await backend.prepare();
    if ("skip" in prepared) {
      note(`skipping ${backend.name}: ${prepared.skip}`);
      continue;
    }
    let server: RunningServer | null = null;
    try {
      await ensureBuild(note); // again per backend: others may have changed sources meanwhile
      server = await startServer({ env: prepared.env, label: `bench-${backend.name}`, log: note });
      note(`${backend.name}: server pid ${server.pid} on ${server.baseUrl}`);
      const ctx: BenchContext = {
        backend: backend.name,
        server,
        serverEnv: prepared.env,
        note,
        report: (name, value, unit, decimals = 0) => console.log(`bench ${name}_${backend.name}: ${format(value, decimals)} ${unit}`),
      };
      for (const m of modules) {
        if (onlyModules.length && !onlyModules.includes(m.name) && m.name !== "cold_start") continue;
        try {
          await m.run(ctx);
        } catch (err) {
          failures++;
          console.error(`bench ${m.name} on ${backend.name} failed: ${(err as Error).message}`);
        }
      }
    } catch (err) {
      failures++;
      console.error(`bench on ${backend.name} failed: ${(err as Error).message}`);
    } finally {
      await server?.stop();
      await prepared.cleanup().catch((err) => {
        failures++;
        console.error(`cleanup of ${backend.name} failed: ${(err as Error).message}`);
      });
    }
  }
  return failures ? 1 : 0;
}

main()
  .catch((err) => {
    console.error(`bench failed: ${(err as Error).stack ?? err}`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
