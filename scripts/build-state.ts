import fs from "node:fs";
import path from "node:path";

/** What `npm start` watches to decide whether the build is stale. */
const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestSourceMtime(root: string): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  SOURCES.forEach((s) => visit(path.join(root, s)));
  return newest;
}

/** "missing" (no .next/BUILD_ID), "stale" (sources newer than the build) or "fresh". */
export function buildState(root = process.cwd()): "missing" | "stale" | "fresh" {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "missing";
  return fs.statSync(buildId).mtimeMs >= newestSourceMtime(root) ? "fresh" : "stale";
}
