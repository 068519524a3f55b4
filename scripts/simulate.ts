import fs from "node:fs";
import { now, pinClock } from "@/lib/clock";
import { simulateUsage, type SimulateOptions } from "@/lib/simulator/generate";
import { parseArgs } from "./cli";

/**
 * `npm run simulate -- --instances 1000 --licenses 5 --shape 17.9 --format tar --out usage.tar
 *   [--now <ISO>] [--va <name>] [--sa <name>] [--gzip] [--trust-requests] [--dlc] [--faults <n>] [--seed <s>]`
 * writes signed usage files (F-1, F-2) for simulated devices. "Now" comes from the clock module;
 * `--now` pins it for this run (W-60). Needs no database.
 */
const USAGE = `Usage: npm run simulate -- [options]
  --instances <n>      devices to simulate (default 10)
  --licenses <n>       licenses per device, at most (default 3)
  --shape 17.6|17.9    payload shape A (17.6) or B (17.9) (default 17.9)
  --format xml|tar     one F-1 document or an F-2 bundle (default: from --out, else xml)
  --out <file>         output file (default usage.xml, usage.tar or usage.tar.gz)
  --now <ISO 8601>     the time the devices report at (default: the clock's now)
  --va <name>          Specification-VA of every member in the tar manifest
  --sa <name>          Smart-Account of the tar manifest
  --gzip               gzip the tar
  --trust-requests     add a TrustCodeRequest per device
  --dlc                add DLC data for devices with traditional licenses
  --faults <n>         n faulty reports: bad signature, unknown tag, future measurement, duplicate report id
  --seed <text>        random seed (default openssm); the same seed writes the same file`;

class UsageError extends Error {}

function whole(value: string | true | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}.`);
  return n;
}

function text(value: string | true | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === true || !value.trim()) throw new UsageError(`--${name} needs a value.`);
  return value;
}

function options(args: Record<string, string | true>): SimulateOptions & { out: string } {
  const out = text(args.out, "out");
  const isTarName = out !== undefined && /\.(tar|tgz|tar\.gz)$/i.test(out);
  const format = text(args.format, "format") ?? (isTarName ? "tar" : "xml");
  if (format !== "xml" && format !== "tar") throw new UsageError("--format must be xml or tar.");
  const shape = text(args.shape, "shape") ?? "17.9";
  if (shape !== "17.6" && shape !== "17.9") throw new UsageError("--shape must be 17.6 or 17.9.");
  const gzip = args.gzip === true || (out !== undefined && /\.(tgz|tar\.gz)$/i.test(out));
  if (gzip && format !== "tar") throw new UsageError("--gzip applies to --format tar.");
  const at = text(args.now, "now");
  if (at !== undefined) {
    const ms = Date.parse(at);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(at) || !Number.isFinite(ms)) throw new UsageError("--now must be an ISO 8601 time, e.g. 2024-03-10T12:00:00Z.");
    pinClock(new Date(ms));
  }
  return {
    instances: whole(args.instances, "instances", 10, 1),
    licenses: whole(args.licenses, "licenses", 3, 1),
    shape,
    format,
    now: now(),
    va: text(args.va, "va"),
    sa: text(args.sa, "sa"),
    gzip,
    trustRequests: args["trust-requests"] === true,
    dlc: args.dlc === true,
    faults: whole(args.faults, "faults", 0, 0),
    seed: text(args.seed, "seed") ?? "openssm",
    out: out ?? (format === "xml" ? "usage.xml" : gzip ? "usage.tar.gz" : "usage.tar"),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const opts = options(args);
  const result = await simulateUsage(opts);
  fs.writeFileSync(opts.out, result.bytes);
  const faults = [...new Map(result.reports.filter((r) => r.fault).map((r) => [`${r.fault}|${r.udi}|${r.reportId}`, r])).values()];
  console.log(
    `Wrote ${opts.out} (${opts.format}${opts.gzip ? ", gzip" : ""}, ${result.bytes.length} bytes): ${result.devices.length} devices, ` +
      `${result.reports.length} reports, payload shape ${opts.shape === "17.6" ? "A" : "B"} (${opts.shape}), now ${opts.now.toISOString()}, seed ${opts.seed}.`,
  );
  if (opts.trustRequests) console.log(`Trust-code requests: ${result.devices.length}.`);
  if (opts.dlc) console.log(`DLC data: ${result.devices.filter((d) => d.dlc).length} devices.`);
  for (const f of faults) console.log(`Fault ${f.fault}: ${f.udi} report ${f.reportId}`);
}

main().catch((err) => {
  console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : (err as Error).message);
  process.exitCode = 1;
});
