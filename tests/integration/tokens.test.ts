import { asc, desc, eq, gt } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { events, registrationTokens, smartAccounts } from "@/db/schema";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { pinClock, resetClock } from "@/lib/clock";
import { formatUses, relativeExpiry } from "@/lib/format";
import { BU_SA, EG_SA, saId, userId, vaId, vaNumericId } from "@/lib/seed/demo/ids";
import { demoTokenId } from "@/lib/seed/demo/tokens";
import { decryptToken, hashToken } from "@/lib/tokens/crypto";
import { recordExpiredTokens } from "@/lib/tokens/expiry";
import { parseToken, verifyToken } from "@/lib/tokens/format";
import { createTokenSchema, revokeTokenSchema, TOKEN_MSG } from "@/lib/tokens/schemas";
import { createToken, findTokenByValue, listTokens, readToken, revokeToken, tokenStatus } from "@/lib/tokens/tokens";
import { drivers } from "@/tests/helpers/db";
import { T0, type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const BU_DEVICE = vaId(BU_SA, "Device");

describe.each(drivers)("W-4..W-6 registration tokens (%s)", (driver) => {
  const { db, ctxOf, as, refusals } = useDemoDatabase(driver);
  const create = (input: Record<string, unknown>): Op => (tx, ctx, actor) =>
    createToken(tx, ctx, actor, createTokenSchema.parse({ virtualAccountId: VA01, expireAfter: "30", maxUses: "", ...input }));
  const revoke = (tokenId: string, reason = ""): Op => (tx, ctx, actor) => revokeToken(tx, ctx, actor, revokeTokenSchema.parse({ tokenId, reason }));

  async function snapshot() {
    const rows = await db.select().from(registrationTokens).orderBy(asc(registrationTokens.id));
    return { tokens: JSON.stringify(rows), events: await db.$count(events) };
  }
  const expectRefused = refusals(snapshot);
  async function lastEventId() {
    const [row] = await db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
    return row?.id ?? 0;
  }
  const eventsAfter = (id: number) => db.select().from(events).where(gt(events.id, id)).orderBy(asc(events.id));

  afterEach(() => resetClock());

  it("seeds the DD-7 tokens with the real F-9 code: `(in 24 days)` and `1 of 100` at T0", async () => {
    pinClock(T0);
    const { items } = await listTokens(db, await ctxOf("eg-admin"), VA01);
    expect(items).toHaveLength(1);
    const [t] = items;
    expect(relativeExpiry(t.expiresAt, T0)).toBe("(in 24 days)");
    expect(formatUses(t.uses, t.maxUses)).toBe("1 of 100");
    expect(t).toMatchObject({ status: "Active", exportControlled: true, description: "", createdBy: "eg-admin" });
    expect(t.preview).toMatch(/^.{18}\.\.$/);

    const all = await listTokens(db, await ctxOf("eg-admin"), VA01, { includeInactive: true });
    expect(all.items.map((i) => [i.description, i.status])).toEqual([["", "Active"], ["Lab bring-up", "Revoked"]]);
    const krakow = await listTokens(db, await ctxOf("eg-admin"), KRAKOW);
    expect(krakow.items.map((i) => [i.description, formatUses(i.uses, i.maxUses), i.exportControlled, relativeExpiry(i.expiresAt, T0)])).toEqual([
      ["Switch refresh Q2", "3", false, "(in 300 days)"],
    ]);

    const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, demoTokenId("Eg-VA-01/main")));
    const plain = decryptToken(row.tokenCiphertext);
    const parsed = parseToken(plain);
    expect(parsed.expiresAtMs).toBe(row.expiresAt.getTime());
    expect(parsed.tokenUuid).toBe(row.tokenUuid);
    expect(verifyToken(parsed, vaNumericId(EG_SA, "Eg-VA-01"))).toBe(true);
    expect(row.tokenHash.equals(hashToken(plain))).toBe(true);
  });

  it("W-4 creates an Active token, encrypted and hashed, and writes E-5", async () => {
    pinClock(T0);
    const since = await lastEventId();
    const result = (await as("eg-vauser", create({ description: "Branch rollout", expireAfter: "45", maxUses: "20", exportControlled: false }))) as {
      id: string;
      token: string;
    };
    const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, result.id));
    expect(row).toMatchObject({ virtualAccountId: VA01, description: "Branch rollout", maxUses: 20, uses: 0, exportControlled: false, createdBy: userId("eg-vauser") });
    expect(row.expiresAt.toISOString()).toBe("2024-04-24T12:00:00.000Z");
    expect(row.createdAt.toISOString()).toBe(T0.toISOString());
    expect(tokenStatus(row, T0)).toBe("Active");
    // Never stored in plain text; lookup by hash works for every accepted form.
    expect(row.tokenCiphertext.toString("latin1")).not.toContain(result.token);
    expect(row.tokenCiphertext.equals(Buffer.from(result.token))).toBe(false);
    expect(decryptToken(row.tokenCiphertext)).toBe(result.token);
    expect((await findTokenByValue(db, result.token))?.id).toBe(row.id);
    expect((await findTokenByValue(db, decodeURIComponent(result.token)))?.id).toBe(row.id);
    expect(await findTokenByValue(db, "not a token")).toBeUndefined();
    expect(verifyToken(parseToken(result.token), vaNumericId(EG_SA, "Eg-VA-01"))).toBe(true);

    const written = await eventsAfter(since);
    expect(written.map((e) => [e.type, e.category, e.message, e.actorLabel, e.smartAccountId, e.virtualAccountId])).toEqual([
      [
        "E-5",
        "Tokens",
        'Registration token "Branch rollout" was created; it expires 2024-Apr-24 12:00:00, allows 20 uses, export-controlled Not Allowed.',
        "eg-vauser",
        EG,
        VA01,
      ],
    ]);
    for (const e of written) expect(JSON.stringify(e)).not.toContain(result.token);

    const listed = await listTokens(db, await ctxOf("eg-vauser"), VA01);
    expect(listed.items[0]).toMatchObject({ id: row.id, preview: `${result.token.slice(0, 18)}..`, canCopy: true, canRevoke: false });
  });

  it("E-5 names the first 8 characters and unlimited uses without a description or maximum", async () => {
    pinClock(T0);
    const since = await lastEventId();
    const { token } = (await as("eg-admin", create({ expireAfter: 1 }))) as { token: string };
    const [e] = await eventsAfter(since);
    expect(e.message).toBe(
      `Registration token "${token.slice(0, 8)}" was created; it expires 2024-Mar-11 12:00:00, allows unlimited uses, export-controlled Allowed.`,
    );
  });

  it("refuses V-11a..V-11d and changes nothing", async () => {
    for (const [input, message] of [
      [{ expireAfter: "0" }, TOKEN_MSG.expireAfter],
      [{ expireAfter: "366" }, TOKEN_MSG.expireAfter],
      [{ maxUses: "0" }, TOKEN_MSG.maxUses],
      [{ maxUses: "1000001" }, TOKEN_MSG.maxUses],
      [{ description: "d".repeat(101) }, TOKEN_MSG.description],
    ] as const) {
      const r = createTokenSchema.safeParse({ virtualAccountId: VA01, expireAfter: "30", maxUses: "", ...(input as Record<string, unknown>) });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toBe(message);
    }
    await db.update(smartAccounts).set({ exportControlledAllowed: false }).where(eq(smartAccounts.id, EG));
    try {
      await expectRefused("eg-admin", create({ exportControlled: true }), ValidationError, TOKEN_MSG.exportControlled);
      const before = await db.$count(registrationTokens);
      const { id } = (await as("eg-admin", create({}))) as { id: string };
      const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, id));
      expect(row.exportControlled).toBe(false);
      expect(await db.$count(registrationTokens)).toBe(before + 1);
    } finally {
      await db.update(smartAccounts).set({ exportControlledAllowed: true }).where(eq(smartAccounts.id, EG));
    }
  });

  it("checks D-3: viewers and VA users cannot create or revoke as allowed; other accounts are not found", async () => {
    const active = demoTokenId("Eg-VA-01/main");
    await expectRefused("eg-viewer", create({}), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-viewer", revoke(active), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-vauser", revoke(active), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-vauser", create({ virtualAccountId: KRAKOW }), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("bu-admin", revoke(active), NotFoundError);
    await expectRefused("bu-admin", create({}), NotFoundError);
    await expectRefused("eg-vaadmin", create({ virtualAccountId: BU_DEVICE }), NotFoundError);
    await expectRefused("eg-vaadmin", revoke(demoTokenId("Krakow LAN-SW/Switch refresh Q2")), NotFoundError);
    await expectRefused("eg-admin", revoke("00000000-0000-4000-8000-000000000000"), NotFoundError);
    await expect(readToken(db, await ctxOf("eg-viewer"), active)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readToken(db, await ctxOf("bu-admin"), active)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTokens(db, await ctxOf("bu-admin"), VA01)).rejects.toBeInstanceOf(NotFoundError);
    const viewerList = await listTokens(db, await ctxOf("eg-viewer"), VA01);
    expect(viewerList.items[0]).toMatchObject({ canCopy: false, canRevoke: false });
  });

  it("W-5 reads the plain text and the download name for permitted users", async () => {
    pinClock(T0);
    const read = await readToken(db, await ctxOf("eg-vauser"), demoTokenId("Eg-VA-01/main"));
    expect(read.fileName).toBe("Eg-VA-01_token_20240310.txt");
    expect(parseToken(read.token).tokenUuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("W-6 revokes with a reason and E-6; a second revoke answers V-3 and changes nothing", async () => {
    pinClock(T0);
    const { id, token } = (await as("eg-vaadmin", create({ description: "To revoke" }))) as { id: string; token: string };
    const since = await lastEventId();
    await as("eg-vaadmin", revoke(id, "  No longer needed "));
    const [row] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, id));
    expect(row).toMatchObject({ revokeReason: "No longer needed", revokedBy: userId("eg-vaadmin") });
    expect(row.revokedAt?.toISOString()).toBe(T0.toISOString());
    expect(tokenStatus(row)).toBe("Revoked");
    const written = await eventsAfter(since);
    expect(written.map((e) => [e.type, e.message, e.actorLabel])).toEqual([
      ["E-6", 'Registration token "To revoke" was revoked. Reason: No longer needed.', "eg-vaadmin"],
    ]);
    await expectRefused("eg-admin", revoke(id), ValidationError, STALE_ITEM);
    expect((await listTokens(db, await ctxOf("eg-admin"), VA01)).items.map((i) => i.id)).not.toContain(id);
    expect((await findTokenByValue(db, token))?.revokedAt).not.toBeNull();

    const { id: second } = (await as("eg-admin", create({ description: "No reason" }))) as { id: string };
    const since2 = await lastEventId();
    await as("eg-admin", revoke(second));
    expect((await eventsAfter(since2)).map((e) => e.message)).toEqual(['Registration token "No reason" was revoked.']);
    // An expired token cannot be revoked either.
    await expectRefused("eg-admin", revoke(demoTokenId("Eg-VA-01/Lab bring-up")), ValidationError, STALE_ITEM);
  });

  it("the daily job writes E-7 once for each token that expired or was used up", async () => {
    pinClock(T0);
    expect(await recordExpiredTokens(db, T0)).toBe(0);
    const { id, token } = (await as("eg-admin", create({ maxUses: "1" }))) as { id: string; token: string };
    await db.update(registrationTokens).set({ uses: 1 }).where(eq(registrationTokens.id, id));
    const since = await lastEventId();
    expect(await recordExpiredTokens(db, T0)).toBe(1);
    const later = new Date(T0.getTime() + 25 * 86_400_000);
    pinClock(later);
    expect(await recordExpiredTokens(db, later)).toBeGreaterThanOrEqual(1);
    expect(await recordExpiredTokens(db, later)).toBe(0);
    const written = await eventsAfter(since);
    const byToken = new Map(written.map((e) => [(e.data as { tokenId?: string }).tokenId, e]));
    expect(byToken.get(id)).toMatchObject({
      type: "E-7",
      category: "Tokens",
      message: `Registration token "${token.slice(0, 8)}" is no longer valid (maximum uses reached).`,
      actorLabel: "System",
      userId: null,
      virtualAccountId: VA01,
    });
    const main = byToken.get(demoTokenId("Eg-VA-01/main"));
    const [mainRow] = await db.select().from(registrationTokens).where(eq(registrationTokens.id, demoTokenId("Eg-VA-01/main")));
    expect(main?.message).toBe(`Registration token "${decryptToken(mainRow.tokenCiphertext).slice(0, 8)}" is no longer valid (expired).`);
    expect(written.filter((e) => (e.data as { tokenId?: string }).tokenId === demoTokenId("Eg-VA-01/Lab bring-up"))).toEqual([]);
    expect(new Set(written.map((e) => (e.data as { tokenId?: string }).tokenId)).size).toBe(written.length);
  });

  it("a token past its expiry or used up is Expired", () => {
    const base = { revokedAt: null, expiresAt: new Date(T0.getTime() + 1000), uses: 0, maxUses: 2 };
    expect(tokenStatus(base, T0)).toBe("Active");
    expect(tokenStatus({ ...base, uses: 2 }, T0)).toBe("Expired");
    expect(tokenStatus({ ...base, expiresAt: T0 }, T0)).toBe("Expired");
    expect(tokenStatus({ ...base, maxUses: null, uses: 9 }, T0)).toBe("Active");
    expect(tokenStatus({ ...base, revokedAt: T0, expiresAt: T0 }, T0)).toBe("Revoked");
  });
});
