import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `npm test`: typecheck, lint, unit + integration (Vitest, PGlite and PostgreSQL when
 * TEST_DATABASE_URL is set), build, then Playwright e2e. Ends with one `N passed, N failed` line.
 */
const out = fs.mkdtempSync(path.join(os.tmpdir(), "openssm-test-"));
const vitestJson = path.join(out, "vitest.json");
const playwrightJson = path.join(out, "playwright.json");
const bin = (name: string) => path.resolve("node_modules/.bin", name);

function step(title: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${r.status === 0 ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

const results: Record<string, boolean> = {};
results.typecheck = step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
results.lint = step("lint", bin("eslint"), [".", "--max-warnings=0"]);
results.vitest = step("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
results.build = step("build", bin("next"), ["build"], { NODE_ENV: "production" });
results.e2e = results.build && step("e2e (Playwright, Debian Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8")).stats ?? {};
  passed += (p.expected ?? 0) + (p.flaky ?? 0);
  failed += p.unexpected ?? 0;
  skipped += p.skipped ?? 0;
}
const failedSteps = Object.entries(results).filter(([, ok]) => !ok).map(([name]) => name);
if (failedSteps.length && failed === 0) failed = failedSteps.length;
console.log(`\nSteps: ${Object.entries(results).map(([k, ok]) => `${k} ${ok ? "ok" : "FAILED"}`).join(", ")}`);
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
