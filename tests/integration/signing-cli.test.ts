import { execFile } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "@/db/client";
import { signDataWith, signedElementXml } from "@/lib/signing/document";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { drivers } from "@/tests/helpers/db";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "openssm-signing-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs an npm script's file through tsx, as `npm run …` does; resolves with the exit code too. */
async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, timeout: 170_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run verify-ack (F-4, offline with a PEM file)", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key = { keyId: "k-2024-03", privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
  const pemFile = path.join(tmp, "k-2024-03.pem");
  fs.writeFileSync(pemFile, key.publicPem);
  const policy = `<smartLicense>${signedElementXml("smartLicensePolicy", signDataWith(key, { type: "policy", name: "SLP Policy" }))}</smartLicense>`;

  it("prints one line per element and exits 0 when every signature verifies", async () => {
    const file = path.join(tmp, "ReportingPolicy_Eg-SA-01_Eg-VA-01.xml");
    fs.writeFileSync(file, policy);
    const r = await cli("scripts/verify-ack.ts", ["--key", pemFile, file]);
    expect(r.stdout).toContain("OK    ReportingPolicy_Eg-SA-01_Eg-VA-01.xml  smartLicensePolicy  key k-2024-03");
    expect(r.stdout).toContain("1 of 1 signed element(s) verified.");
    expect(r.code).toBe(0);
  });

  it("exits non-zero for a tampered file and for a file with no signed element", async () => {
    const tampered = path.join(tmp, "tampered.xml");
    fs.writeFileSync(tampered, policy.replace("SLP Policy", "SLE Policy"));
    const bad = await cli("scripts/verify-ack.ts", ["--key", pemFile, tampered]);
    expect(bad.stdout).toContain("FAIL  tampered.xml  smartLicensePolicy  key k-2024-03  (signature does not match)");
    expect(bad.code).toBe(1);
    const empty = path.join(tmp, "empty.xml");
    fs.writeFileSync(empty, "<smartLicense/>");
    const none = await cli("scripts/verify-ack.ts", ["--key", pemFile, empty]);
    expect(none.stderr).toContain("No signed elements found in empty.xml.");
    expect(none.code).toBe(1);
  });
});

describe.each(drivers)("npm run keys:rotate (D-29) (%s)", (driver) => {
  it("prints the new current key id; the old key stays published as retired", async () => {
    const env: Record<string, string> = { AUTH_SECRET: "cli-test-secret", OPENSSM_CLOCK: "2024-03-10T12:00:00Z" };
    let open: () => Promise<DatabaseHandle>;
    let drop = async () => {};
    if (driver === "pglite") {
      const dataDir = path.join(tmp, "data");
      Object.assign(env, { OPENSSM_DATA_DIR: dataDir, DATABASE_URL: "" });
      open = () => openPglite(path.join(dataDir, "pglite"));
    } else {
      const base = process.env.TEST_DATABASE_URL!;
      const name = `openssm_t_${randomBytes(6).toString("hex")}`;
      const admin = await openPostgres(base);
      await admin.db.execute(`create database ${name}` as never);
      await admin.close();
      const url = new URL(base);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      open = () => openPostgres(url.toString());
      drop = async () => {
        const again = await openPostgres(base);
        await again.db.execute(`drop database if exists ${name} with (force)` as never);
        await again.close();
      };
    }
    try {
      const r = await cli("scripts/keys-rotate.ts", [], env);
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe("k-2024-03-2");
      expect(r.code).toBe(0);
      const h = await open();
      try {
        const keys = await publishedSigningKeys(h.db);
        expect(keys.map((k) => [k.keyId, k.retiredAt === null]).sort()).toEqual([
          ["k-2024-03", false],
          ["k-2024-03-2", true],
        ]);
      } finally {
        await h.close();
      }
    } finally {
      await drop();
    }
    // A fresh database is migrated by a second process: slow on a busy machine.
  }, 180_000);
});
