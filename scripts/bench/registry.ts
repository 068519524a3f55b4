import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchModule } from "./types";

const MODULES_DIR = path.join(import.meta.dirname, "modules");

/** Every scripts/bench/modules/*.ts (file-name order; files starting with `_` are skipped). */
export async function loadBenchModules(): Promise<BenchModule[]> {
  const files = fs
    .readdirSync(MODULES_DIR)
    .filter((f) => /\.(ts|mts)$/.test(f) && !f.startsWith("_") && !f.endsWith(".d.ts"))
    .sort();
  const modules: BenchModule[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(MODULES_DIR, file)).href)) as { default?: BenchModule };
    const m = mod.default;
    if (!m || typeof m.run !== "function" || typeof m.name !== "string") {
      throw new Error(`scripts/bench/modules/${file} must default-export a BenchModule ({ name, description, run }).`);
    }
    modules.push(m);
  }
  return modules;
}
