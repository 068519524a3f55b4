import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

const FORMAT = /^scrypt\$32768\$8\$1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{86}==)$/;

describe("D-1 password hashing", () => {
  it("stores scrypt$32768$8$1$salt$hash with a 16-byte salt and a 64-byte key in base64", async () => {
    const stored = await hashPassword("Demo123!");
    const m = FORMAT.exec(stored);
    expect(m).not.toBeNull();
    expect(Buffer.from(m![1], "base64")).toHaveLength(16);
    expect(Buffer.from(m![2], "base64")).toHaveLength(64);
  });

  it("derives the key with N=2^15, r=8, p=1 (checked independently)", async () => {
    const stored = await hashPassword("correct horse");
    const [, , , , salt, hash] = stored.split("$");
    const key = scryptSync("correct horse", Buffer.from(salt, "base64"), 64, { N: 32768, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
    expect(key.toString("base64")).toBe(hash);
  });

  it("uses a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Demo123!");
    expect(await verifyPassword("Demo123!", stored)).toBe(true);
    expect(await verifyPassword("demo123!", stored)).toBe(false);
    expect(await verifyPassword("Demo123! ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("verifies a hash made elsewhere with the D-1 parameters", async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync("pässwörd", salt, 64, { N: 32768, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
    const stored = `scrypt$32768$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("pässwörd", stored)).toBe(true);
    expect(await verifyPassword("passwort", stored)).toBe(false);
  });

  it("refuses missing or malformed hashes", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", undefined)).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$10$abc$def")).toBe(false);
    expect(await verifyPassword("x", "scrypt$32768$8$1$")).toBe(false);
  });
});

describe("W-52b generated passwords", () => {
  it("has the requested length and only letters and digits", () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword(16);
      expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
    }
    expect(generatePassword()).toHaveLength(16);
    expect(generatePassword(40)).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it("is random", () => {
    const seen = new Set(Array.from({ length: 100 }, () => generatePassword(16)));
    expect(seen.size).toBe(100);
  });
});
