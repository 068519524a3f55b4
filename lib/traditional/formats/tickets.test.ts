import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SigningKey } from "@/lib/signing/keys";
import { signMessage } from "@/lib/signing/sign";
import { credentialValue, parseDeviceCredential, writeDeviceCredential } from "./device-credential";
import { writeLicenseBlock } from "./license-file";
import { parsePermissionTicket, type PermissionTicket, verifyPermissionTicket, writePermissionTicket } from "./permission-ticket";
import { parseRehostTicket, rehostProof, rehostTicketFor, writeRehostTicket } from "./rehost-ticket";

function testKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { keyId: "k-test", privateKey, publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const key = testKey();
const other = testKey();
const sign = (m: string) => signMessage(key, m);
const udi = { pid: "ISR4451-X/K9", sn: "FDO222815Y4" };
const TX = "0f8e4b7a-3c2d-4e5f-9a1b-2c3d4e5f6a7b";

function grace(serial: string) {
  const { block } = writeLicenseBlock(
    {
      feature: "securityk9",
      version: "1.0",
      kind: "GRACE",
      hours: 1440,
      count: 1,
      start: new Date("2024-03-10T00:00:00Z"),
      end: new Date("2024-05-09T00:00:00Z"),
      lock: "CL_ND_LCK",
      serial,
      udi,
    },
    sign,
  );
  return block.split("\n")[0].slice("License: ".length);
}

const ticket: PermissionTicket = {
  transaction: TX,
  sourceUdi: udi,
  removes: [
    { serial: "*ABCDEFGHIJKLMNOPQR", feature: "securityk9", version: "1.0", count: 1 },
    { serial: "*0123456789ABCDEFGH", feature: "uc", version: "1.0", count: null },
  ],
  adds: [grace("*ZZZZZZZZZZZZZZZZZ1")],
};

describe("F-11a permission ticket", () => {
  it("writes the header, Remove/Add lines and a signature over every preceding line", () => {
    const text = writePermissionTicket(ticket, sign);
    const lines = text.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "PermissionTicket: 1.0",
      `Transaction: ${TX}`,
      "SourceUDI: ISR4451-X/K9:FDO222815Y4",
      "Remove: *ABCDEFGHIJKLMNOPQR securityk9 1.0 1",
      "Remove: *0123456789ABCDEFGH uc 1.0 INFINITE_KEYS",
    ]);
    expect(lines[5]).toMatch(/^Add: 11 securityk9 1\.0 LONG GRACE DISABLED 1440 /);
    expect(lines[6]).toMatch(/^Signature: [A-Za-z0-9+/=]+$/);
    expect(text.endsWith("\n")).toBe(true);

    const parsed = parsePermissionTicket(text.replace(/\n/g, "\r\n"));
    expect(parsed).toMatchObject({ transaction: TX, sourceUdi: udi, removes: ticket.removes, adds: ticket.adds });
    expect(parsed.signedText).toBe(text.slice(0, text.indexOf("Signature: ")));
    expect(verifyPermissionTicket(parsed, [other.publicPem, key.publicPem])).toBe(true);
  });

  it("fails verification when tampered with or signed by an unknown key", () => {
    const text = writePermissionTicket(ticket, sign);
    expect(verifyPermissionTicket(parsePermissionTicket(text.replace("uc 1.0", "uc 2.0")), [key.publicPem])).toBe(false);
    expect(verifyPermissionTicket(parsePermissionTicket(text), [other.publicPem])).toBe(false);
    expect(() => parsePermissionTicket(text.replace("PermissionTicket: 1.0", "Ticket: 1.0"))).toThrow();
    expect(() => parsePermissionTicket(text.replace(/Signature: .*\n/, ""))).toThrow();
    expect(() => parsePermissionTicket(text + "Remove: *ABCDEFGHIJKLMNOPQR x 1.0 1\n")).toThrow();
  });
});

describe("F-11b rehost ticket", () => {
  it("revokes every Remove: serial with the proof SHA-256(REHOST|tx|pid:sn)", () => {
    const rt = rehostTicketFor(ticket);
    const text = writeRehostTicket(rt);
    expect(text).toBe(
      [
        "RehostTicket: 1.0",
        `Transaction: ${TX}`,
        "SourceUDI: ISR4451-X/K9:FDO222815Y4",
        "Revoked: *ABCDEFGHIJKLMNOPQR",
        "Revoked: *0123456789ABCDEFGH",
        `Proof: ${createHash("sha256").update(`REHOST|${TX}|ISR4451-X/K9:FDO222815Y4`).digest("base64")}`,
        "",
      ].join("\n"),
    );
    expect(parseRehostTicket(text)).toEqual(rt);
    expect(rt.proof).toBe(rehostProof(TX, udi));
  });

  it("refuses text that is not a rehost ticket", () => {
    const text = writeRehostTicket(rehostTicketFor(ticket));
    expect(parseRehostTicket("hello")).toBeNull();
    expect(parseRehostTicket(text.replace(/Revoked: .*\n/g, ""))).toBeNull();
    expect(parseRehostTicket(text.replace(TX, "not-a-uuid"))).toBeNull();
    expect(parseRehostTicket(text.replace("Revoked: *ABCDEFGHIJKLMNOPQR", "Revoked: *abc"))).toBeNull();
  });
});

describe("F-11c device credential", () => {
  it("writes and reads UDI + base64 SHA-256(CRED|pid|sn)", () => {
    const text = writeDeviceCredential(udi);
    expect(text).toBe(
      `DeviceCredential: 1.0\nUDI: ISR4451-X/K9:FDO222815Y4\nCredential: ${createHash("sha256").update("CRED|ISR4451-X/K9|FDO222815Y4").digest("base64")}\n`,
    );
    expect(parseDeviceCredential("\uFEFF" + text.replace(/\n/g, "\r\n"))).toEqual({ udi, credential: credentialValue(udi) });
    expect(parseDeviceCredential("DeviceCredential: 1.0\nUDI: nope\nCredential: x\n")).toBeNull();
    expect(parseDeviceCredential(text.replace("DeviceCredential", "Credential"))).toBeNull();
  });
});
