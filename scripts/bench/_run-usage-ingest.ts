/**
 * Runs only the usage_ingest bench module, without building or starting a server (the module
 * opens its own database): `npx tsx scripts/bench/_run-usage-ingest.ts pglite|postgres`.
 * The `_` prefix keeps the bench registry from loading it as a module.
 */
import mod from "./modules/50-usage-ingest";
const backend = process.argv[2] ?? "pglite";
await mod.run({
  backend,
  server: undefined as never,
  serverEnv: {},
  report: (name, value, unit, decimals = 0) => console.log(`bench ${name}_${backend}: ${value.toFixed(decimals)} ${unit}`),
  note: (m) => console.error(`bench note: ${m}`),
});
