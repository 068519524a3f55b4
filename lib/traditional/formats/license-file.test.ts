import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SigningKey } from "@/lib/signing/keys";
import { signMessage, verifyMessage } from "@/lib/signing/sign";
import {
  type LicenseLineSpec,
  licenseDate,
  licenseFile,
  licenseFileName,
  licenseTokens,
  newSerial,
  parseLicenseFile,
  writeLicenseBlock,
} from "./license-file";

function testKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId: "k-test", privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const key = testKey();
const sign = (m: string) => signMessage(key, m);

const PERMANENT: LicenseLineSpec = {
  feature: "securityk9",
  version: "1.0",
  kind: "NORMAL",
  hours: null,
  count: 2,
  start: null,
  end: null,
  lock: "CL_ND_LCK",
  serial: "*1YCHJRBMWKZAED2400",
  udi: { pid: "CSR1000V", sn: "9QLBLATKXM4" },
};

describe("F-11 license file", () => {
  it("writes exactly 24 tokens in F-11 order, node-locked to the UDI", () => {
    expect(licenseTokens(PERMANENT)).toEqual([
      "11", "securityk9", "1.0", "LONG", "NORMAL", "DISABLED", "INFINITE", "DISABLED", "STANDALONE", "ADD",
      "2", "2", "NEVER", "NEVER", "NiL", "SLM_CODE", "CL_ND_LCK", "NiL", "*1YCHJRBMWKZAED2400", "NiL", "NiL", "NiL",
      "5_MINS", "<UDI><PID>CSR1000V</PID><SN>9QLBLATKXM4</SN></UDI>",
    ]);
    const { block } = writeLicenseBlock(PERMANENT, sign);
    const licenseLine = block.split("\n")[0];
    expect(licenseLine.startsWith("License: ")).toBe(true);
    const beforeComma = licenseLine.slice("License: ".length).split(" ,")[0];
    expect(beforeComma.split(" ")).toHaveLength(24);
    expect(licenseLine).toMatch(/ ,[0-9A-F]{16}\$<WLC>[A-Za-z0-9+/=]+<\/WLC>$/);
  });

  it("writes uncounted lines as INFINITE_KEYS and dated lines as DD-MMM-YYYY", () => {
    const grace = licenseTokens({
      ...PERMANENT,
      kind: "GRACE",
      hours: 1440,
      count: null,
      start: new Date("2024-03-10T12:00:00Z"),
      end: new Date("2024-05-09T12:00:00Z"),
    });
    expect(grace.slice(4, 14)).toEqual([
      "GRACE", "DISABLED", "1440", "DISABLED", "STANDALONE", "ADD", "INFINITE_KEYS", "INFINITE_KEYS", "10-Mar-2024", "09-May-2024",
    ]);
    expect(licenseDate(new Date("2027-01-05T23:59:59Z"))).toBe("05-Jan-2027");
    const demo = licenseTokens({ ...PERMANENT, kind: "TRIAL", hours: 1440, lock: "DEMO", udi: null });
    expect([demo[16], demo[23]]).toEqual(["DEMO", "NiL"]);
  });

  it("signs the 24-token string (WLC) and hashes the text after `License: ` with SHA-1", () => {
    const { block, signedText, hash } = writeLicenseBlock({ ...PERMANENT, comment: "Use this permanent license." }, sign);
    const [license, comment, hashLine] = block.split("\n");
    const value = license.slice("License: ".length);
    expect(comment).toBe("Comment: Use this permanent license.");
    expect(hashLine).toBe(`Hash: ${createHash("sha1").update(value).digest("base64")}`);
    expect(hash).toBe(hashLine.slice(6));
    const wlc = /<WLC>(.*)<\/WLC>/.exec(value)![1];
    expect(signedText).toBe(licenseTokens(PERMANENT).join(" "));
    expect(verifyMessage(key.publicPem, signedText, wlc)).toBe(true);
  });

  it("builds an ASCII file with LF endings, no BOM and blank lines between blocks", () => {
    const a = writeLicenseBlock(PERMANENT, sign).block;
    const b = writeLicenseBlock({ ...PERMANENT, feature: "uc", serial: newSerial() }, sign).block;
    const file = licenseFile([a, b]);
    expect(file).toBe(`${a}\n\n${b}\n`);
    expect(file).not.toMatch(/\r|\uFEFF/);
    expect(/^[\x0a\x20-\x7e]*$/.test(file)).toBe(true);
    expect(file.split("\n").filter((l) => l.startsWith("License: "))).toHaveLength(2);
  });

  it("names files {SN}_{yyyymmddHHMMSS}.lic and makes *serials of 18 alphanumerics", () => {
    expect(licenseFileName("FDO222815Y4", new Date("2024-03-10T12:04:05Z"))).toBe("FDO222815Y4_20240310120405.lic");
    expect(newSerial()).toMatch(/^\*[A-Z0-9]{18}$/);
    expect(newSerial(() => 0)).toBe("*AAAAAAAAAAAAAAAAAA");
  });

  it("parses what it writes, and reports a tampered line", () => {
    const { block } = writeLicenseBlock({ ...PERMANENT, comment: "x" }, sign);
    const [parsed] = parseLicenseFile("\uFEFF" + licenseFile([block]).replace(/\n/g, "\r\n"));
    expect(parsed).toMatchObject({
      feature: "securityk9",
      version: "1.0",
      kind: "NORMAL",
      hours: null,
      count: 2,
      lock: "CL_ND_LCK",
      serial: "*1YCHJRBMWKZAED2400",
      udi: { pid: "CSR1000V", sn: "9QLBLATKXM4" },
      comment: "x",
      hashMatches: true,
    });
    expect(verifyMessage(key.publicPem, parsed.signedText, parsed.signature)).toBe(true);

    const tampered = parseLicenseFile(licenseFile([block.replace("ADD 2 2", "ADD 9 9")]))[0];
    expect(tampered.hashMatches).toBe(false);
    expect(verifyMessage(key.publicPem, tampered.signedText, tampered.signature)).toBe(false);
    expect(() => parseLicenseFile(block.replace("LONG ", ""))).toThrow(/24 tokens/);
  });

  it("refuses tokens that would break the format", () => {
    expect(() => licenseTokens({ ...PERMANENT, feature: "two words" })).toThrow();
    expect(() => licenseTokens({ ...PERMANENT, serial: "*short" })).toThrow();
    expect(() => licenseTokens({ ...PERMANENT, feature: "sécurité" })).toThrow();
  });
});
