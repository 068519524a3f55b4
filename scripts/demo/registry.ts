import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../bench/server";
import type { Tour } from "./types";

export const TOURS_DIR = path.join(REPO_ROOT, "e2e", "demos");

/** Every e2e/demos/*.ts default-exporting a Tour (files starting with `_` are helpers). */
export async function loadTours(): Promise<Tour[]> {
  const files = fs
    .readdirSync(TOURS_DIR)
    .filter((f) => /\.(ts|mts)$/.test(f) && !f.startsWith("_") && !f.endsWith(".d.ts"))
    .sort();
  const tours: Tour[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(TOURS_DIR, file)).href)) as { default?: Tour };
    const tour = mod.default;
    if (!tour || typeof tour.run !== "function" || !/^[a-z0-9][a-z0-9-]*$/.test(tour.name ?? "")) {
      throw new Error(`e2e/demos/${file} must default-export a Tour ({ name: "lowercase-name", title, description, run }).`);
    }
    if (tours.some((t) => t.name === tour.name)) throw new Error(`Two tours are named "${tour.name}".`);
    tours.push(tour);
  }
  return tours.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));
}
