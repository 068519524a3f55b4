import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRumKey, rumSignatureMatches } from "@/lib/usage/format/signature";
import { readTar, readUsageXml } from "@/tests/helpers/usage-file";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const NOW_S = Date.parse("2024-03-10T12:00:00Z") / 1000;

async function simulate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/simulate.ts", ...args], { cwd: path.resolve(".") });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run simulate (CLI)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "openssm-simulate-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes a gzipped tar whose manifest names the VA and whose reports are signed at --now", async () => {
    const out = path.join(dir, "usage.tar.gz");
    const r = await simulate("--instances", "3", "--licenses", "2", "--out", out, "--va", "Eg-VA-01", "--now", "2024-03-10T12:00:00Z", "--trust-requests", "--faults", "1", "--seed", "cli");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*usage\.tar\.gz \(tar, gzip, \d+ bytes\): 3 devices, \d+ reports, payload shape B \(17\.9\), now 2024-03-10T12:00:00\.000Z, seed cli\./);
    expect(r.stdout).toContain("Trust-code requests: 3.");
    expect(r.stdout).toMatch(/Fault bad-signature: PID:[^,]+,SN:\S+ report \d+/);
    const entries = await readTar(fs.readFileSync(out));
    expect(entries.map((e) => e.name)).toHaveLength(4);
    expect(entries[0].body).toMatch(/Name: dev_\S+_1710072000\.xml\nSpecification-VA: Eg-VA-01/);
    let verified = 0;
    let failed = 0;
    for (const e of entries.slice(1)) {
      const children = readUsageXml(e.body);
      expect(children.filter((c) => c.element === "TrustCodeRequest")).toHaveLength(1);
      for (const c of children.filter((x) => x.element === "RUMReport")) {
        const env = c.body as { payload: string; signature: { value: string } };
        const p = JSON.parse(env.payload);
        const sudi = p.asset_identification.instance.sudi;
        expect(p.measurements[0].end_time).toBe(NOW_S);
        if (rumSignatureMatches(builtinRumKey(sudi.udi_pid, sudi.udi_serial_number), env.payload, env.signature.value)) verified++;
        else failed++;
      }
    }
    expect(failed).toBe(1);
    expect(verified).toBeGreaterThanOrEqual(2);
  });

  it("writes one XML document in shape A for 17.6", async () => {
    const out = path.join(dir, "usage.xml");
    const r = await simulate("--instances", "2", "--licenses", "1", "--shape", "17.6", "--format", "xml", "--out", out, "--now", "2024-03-10T12:00:00Z");
    expect(r.code).toBe(0);
    const rums = readUsageXml(fs.readFileSync(out, "utf8")).filter((c) => c.element === "RUMReport");
    expect(rums).toHaveLength(2);
    for (const c of rums) {
      const p = JSON.parse((c.body as { payload: string }).payload);
      expect(p.version).toBeUndefined();
      expect(typeof p.meta.report_id).toBe("number");
    }
  });

  it("refuses bad arguments with a message and a non-zero exit", async () => {
    const r = await simulate("--shape", "18.1", "--out", path.join(dir, "x.xml"));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("--shape must be 17.6 or 17.9.");
    const n = await simulate("--now", "yesterday", "--out", path.join(dir, "x.xml"));
    expect(n.stderr).toContain("--now must be an ISO 8601 time");
    expect(fs.existsSync(path.join(dir, "x.xml"))).toBe(false);
  });
});
