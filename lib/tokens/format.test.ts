import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, hashToken } from "./crypto";
import { buildToken, canonicalToken, parseToken, tokenFileName, tokenLabel, tokenPreview, TokenFormatError, verifyToken, wrapForDisplay } from "./format";
import { createTokenSchema, TOKEN_MSG } from "./schemas";

process.env.AUTH_SECRET ??= "test-secret-for-openssm-tests-only";

const fields = { tokenUuid: "0f4a1c9e-2b7d-4e8a-9c3f-5d6e7f8a9b0c", expiresAt: new Date(1613264569428), vaNumericId: "402117" };
const decode = (token: string) => decodeURIComponent(token);

describe("F-9 ID token", () => {
  const token = buildToken(fields);

  it("is base64 of `{uuid}-{expiresMs}|{mac}`, wrapped every 60 characters with a trailing LF, URL-encoded", () => {
    expect(token).not.toMatch(/[\n=+/]/);
    const lines = decode(token).split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((l) => l.length)).toEqual([60, 60, 8]);
    const raw = Buffer.from(lines.join(""), "base64").toString("utf8");
    expect(raw).toHaveLength(95);
    expect(raw).toMatch(new RegExp(`^${fields.tokenUuid}-1613264569428\\|[A-Za-z0-9+/]{43}=$`));
    expect(token.length).toBeGreaterThanOrEqual(139);
  });

  it("round-trips in all three accepted input forms", () => {
    const expected = { tokenUuid: fields.tokenUuid, expiresAtMs: 1613264569428 };
    const multiLine = decode(token);
    const singleLine = multiLine.replace(/\n/g, "");
    for (const form of [token, multiLine, singleLine, wrapForDisplay(token), `  ${token}\n`]) {
      const parsed = parseToken(form);
      expect(parsed).toMatchObject(expected);
      expect(verifyToken(parsed, fields.vaNumericId)).toBe(true);
      expect(canonicalToken(form)).toBe(token);
    }
  });

  it("is deterministic for the same fields and key, and differs by VA", () => {
    expect(buildToken(fields)).toBe(token);
    expect(buildToken({ ...fields, vaNumericId: "402118" })).not.toBe(token);
  });

  it("detects tampering with the expiry, the uuid or the VA", () => {
    const raw = Buffer.from(decode(token).replace(/\n/g, ""), "base64").toString("utf8");
    const later = raw.replace("-1613264569428|", "-1713264569428|");
    expect(verifyToken(parseToken(Buffer.from(later).toString("base64")), fields.vaNumericId)).toBe(false);
    const otherUuid = raw.replace(fields.tokenUuid.slice(0, 8), "ffffffff");
    expect(verifyToken(parseToken(Buffer.from(otherUuid).toString("base64")), fields.vaNumericId)).toBe(false);
    expect(verifyToken(parseToken(token), "999999")).toBe(false);
    expect(verifyToken(parseToken(token), fields.vaNumericId, Buffer.alloc(32, 7))).toBe(false);
  });

  it("refuses what is not a token", () => {
    for (const bad of ["", "hello", "%ZZ", Buffer.from("not-a-uuid-123|abc").toString("base64"), token.slice(0, 40)]) {
      expect(() => parseToken(bad)).toThrow(TokenFormatError);
    }
  });

  it("shows 18 characters plus `..`, labels and file names", () => {
    expect(tokenPreview(token)).toBe(`${token.slice(0, 18)}..`);
    expect(tokenPreview(token)).toHaveLength(20);
    expect(tokenLabel("", token)).toBe(token.slice(0, 8));
    expect(tokenLabel(" Lab ", token)).toBe("Lab");
    expect(tokenFileName("Krakow LAN-SW", new Date("2024-03-10T12:00:00Z"))).toBe("Krakow LAN-SW_token_20240310.txt");
    expect(wrapForDisplay(token).split("\n").map((l) => decode(l).replace("\n", "").length)).toEqual([60, 60, 8]);
  });
});

describe("D-11 storage", () => {
  it("encrypts with AES-256-GCM (nonce first) and hashes with SHA-256", () => {
    const token = buildToken(fields);
    const a = encryptToken(token);
    const b = encryptToken(token);
    expect(a.equals(b)).toBe(false);
    expect(a.toString("utf8")).not.toContain(token);
    expect(decryptToken(a)).toBe(token);
    expect(decryptToken(b)).toBe(token);
    const tampered = Buffer.from(a);
    tampered[tampered.length - 1] ^= 1;
    expect(() => decryptToken(tampered)).toThrow();
    expect(hashToken(token)).toHaveLength(32);
  });
});

describe("V-11 schemas", () => {
  const base = { virtualAccountId: fields.tokenUuid, expireAfter: "30", maxUses: "" };
  const messageOf = (input: Record<string, unknown>) => {
    const r = createTokenSchema.safeParse({ ...base, ...input });
    return r.success ? null : r.error.issues[0].message;
  };
  it("accepts the defaults and converts form strings", () => {
    expect(createTokenSchema.parse(base)).toEqual({ virtualAccountId: fields.tokenUuid, description: "", expireAfter: 30, maxUses: null });
    expect(createTokenSchema.parse({ ...base, maxUses: "100", exportControlled: false })).toMatchObject({ maxUses: 100, exportControlled: false });
  });
  it("answers V-11a..c", () => {
    for (const v of ["0", "366", "", "1.5", "abc", -1]) expect(messageOf({ expireAfter: v })).toBe(TOKEN_MSG.expireAfter);
    for (const v of ["1", "365", 7]) expect(messageOf({ expireAfter: v })).toBeNull();
    for (const v of ["0", "1000001", "2.5", "x"]) expect(messageOf({ maxUses: v })).toBe(TOKEN_MSG.maxUses);
    for (const v of ["1", "1000000", null]) expect(messageOf({ maxUses: v })).toBeNull();
    expect(messageOf({ description: "x".repeat(101) })).toBe(TOKEN_MSG.description);
    expect(messageOf({ description: "x".repeat(100) })).toBeNull();
  });
});
