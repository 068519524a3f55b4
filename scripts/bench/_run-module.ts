/**
 * Runs one bench module that opens its own database, without building or starting a server:
 * `npx tsx scripts/bench/_run-module.ts 45-inventory-scale pglite|postgres`.
 * The `_` prefix keeps the bench registry from loading it as a module.
 */
import type { BenchModule } from "./types";

const [file, backend = "pglite"] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx scripts/bench/_run-module.ts <module file, e.g. 45-inventory-scale> [pglite|postgres]");
  process.exit(2);
}
const mod = ((await import(`./modules/${file.replace(/\.ts$/, "")}.ts`)) as { default: BenchModule }).default;
await mod.run({
  backend,
  server: undefined as never,
  serverEnv: {},
  report: (name, value, unit, decimals = 0) => console.log(`bench ${name}_${backend}: ${value.toFixed(decimals)} ${unit}`),
  note: (m) => console.error(`bench note: ${m}`),
});
