import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, registrationTokens, roleAssignments, virtualAccounts } from "@/db/schema";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { createToken } from "@/lib/tokens/tokens";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import {
  createVirtualAccount,
  editVirtualAccount,
  makeDefaultVirtualAccount,
  removeVirtualAccount,
  virtualAccountRemovalBlockers,
} from "@/lib/accounts/manage-virtual-accounts";
import { createVirtualAccountSchema } from "@/lib/accounts/schemas";
import { BU_SA, EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { drivers } from "@/tests/helpers/db";
import { useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);

describe.each(drivers)("W-1 … W-3 virtual accounts (%s)", (driver) => {
  const { db, as } = useDemoDatabase(driver);

  const lastEvent = async () => (await db.select().from(events).orderBy(events.id)).at(-1)!;

  it("creates a VA with an assigned user (E-1, E-50) and refuses a duplicate name case-insensitively", async () => {
    const { id } = await as("eg-admin", (tx, ctx, actor) =>
      createVirtualAccount(tx, ctx, actor, {
        smartAccountId: EG,
        name: "Spare-Pool",
        description: "Unused licenses",
        users: [{ userId: userId("eg-viewer"), role: "VA_USER" }],
      }),
    );
    const [va] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, id));
    expect(va).toMatchObject({ name: "Spare-Pool", isDefault: false });
    expect(va.vaNumericId).toMatch(/^\d{6}$/);
    expect(await db.$count(roleAssignments, and(eq(roleAssignments.virtualAccountId, id), eq(roleAssignments.role, "VA_USER")))).toBe(1);
    expect((await lastEvent()).message).toBe('eg-viewer was given the role Virtual Account User on "Spare-Pool".');

    const before = await db.$count(events);
    await expect(
      as("eg-admin", (tx, ctx, actor) => createVirtualAccount(tx, ctx, actor, { smartAccountId: EG, name: "spare-pool", description: "", users: [] })),
    ).rejects.toThrow('A virtual account named "spare-pool" already exists.');
    expect(await db.$count(events)).toBe(before);
  });

  it("validates names per V-10", () => {
    const msg = (name: string) => {
      const r = createVirtualAccountSchema.safeParse({ smartAccountId: EG, name });
      return r.success ? "ok" : r.error.issues[0].message;
    };
    expect(msg("  ")).toBe("Virtual account name is required.");
    expect(msg("x".repeat(81))).toBe("Virtual account name must be 80 characters or fewer.");
    expect(msg("a/b")).toBe("Virtual account name cannot contain / \\ ? # or %.");
    expect(msg("50%")).toBe("Virtual account name cannot contain / \\ ? # or %.");
    expect(msg("Lab 2")).toBe("ok");
  });

  it("lets only Smart Account Administrators manage VAs; another account's VA is not found", async () => {
    await expect(
      as("eg-vaadmin", (tx, ctx, actor) => createVirtualAccount(tx, ctx, actor, { smartAccountId: EG, name: "Nope", description: "", users: [] })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      as("bu-admin", (tx, ctx, actor) => editVirtualAccount(tx, ctx, actor, { virtualAccountId: vaId(EG_SA, "Lab-01"), name: "X", description: "" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      as("eg-admin", (tx, ctx, actor) => createVirtualAccount(tx, ctx, actor, { smartAccountId: saId(BU_SA), name: "X", description: "", users: [] })),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("renames with E-2 and moves the default with E-4 in both VAs (INV-1)", async () => {
    const lab = vaId(EG_SA, "Lab-01");
    const [{ description }] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, lab));
    await as("eg-admin", (tx, ctx, actor) => editVirtualAccount(tx, ctx, actor, { virtualAccountId: lab, name: "Lab-Main", description }));
    expect((await db.select().from(events).orderBy(events.id)).at(-1)!.message).toBe('Virtual account "Lab-01" was renamed to "Lab-Main".');
    await as("eg-admin", (tx, ctx, actor) => makeDefaultVirtualAccount(tx, ctx, actor, { virtualAccountId: lab }));
    const defaults = await db
      .select()
      .from(virtualAccounts)
      .where(and(eq(virtualAccounts.smartAccountId, EG), eq(virtualAccounts.isDefault, true), isNull(virtualAccounts.deletedAt)));
    expect(defaults.map((v) => v.id)).toEqual([lab]);
    const e4 = await lastEvent();
    expect(e4.message).toBe('"Lab-Main" is now the default virtual account (previously "Eg-VA-01").');
    expect(new Set(e4.vaIds)).toEqual(new Set([lab, vaId(EG_SA, "Eg-VA-01")]));
    await as("eg-admin", (tx, ctx, actor) => makeDefaultVirtualAccount(tx, ctx, actor, { virtualAccountId: vaId(EG_SA, "Eg-VA-01") }));
  });

  it("refuses to remove a VA with licenses, instances or the default flag, listing every blocker (INV-8)", async () => {
    expect(await virtualAccountRemovalBlockers(db, vaId(EG_SA, "Eg-VA-01"))).toEqual([
      "Virtual account is the default.",
      expect.stringMatching(/^Virtual account still holds \d+ licenses\.$/),
      "Virtual account still has 25 product instances.",
    ]);
    expect(await virtualAccountRemovalBlockers(db, vaId(EG_SA, "OnPrem-Campus"))).toContain("Virtual account is associated with an On-Prem account.");
    const before = await db.$count(events);
    await expect(
      as("eg-admin", (tx, ctx, actor) => removeVirtualAccount(tx, ctx, actor, { virtualAccountId: vaId(EG_SA, "Krakow LAN-SW") })),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.$count(events)).toBe(before);
  });

  it("removes an empty VA (E-3) and frees its name", async () => {
    const { id } = await as("eg-admin", (tx, ctx, actor) =>
      createVirtualAccount(tx, ctx, actor, { smartAccountId: EG, name: "Short-Lived", description: "", users: [] }),
    );
    await as("eg-admin", (tx, ctx, actor) =>
      createToken(tx, ctx, actor, createTokenSchema.parse({ virtualAccountId: id, description: "Lab token", expireAfter: 30 })),
    );
    await as("eg-admin", (tx, ctx, actor) => removeVirtualAccount(tx, ctx, actor, { virtualAccountId: id }));
    const [token] = await db.select().from(registrationTokens).where(eq(registrationTokens.virtualAccountId, id));
    expect(token.revokedAt).not.toBeNull();
    const recent = (await db.select().from(events).orderBy(events.id)).slice(-2).map((e) => e.message);
    expect(recent).toEqual(['Registration token "Lab token" was revoked. Reason: Virtual account removed.', 'Virtual account "Short-Lived" was removed.']);
    await expect(
      as("eg-admin", (tx, ctx, actor) => removeVirtualAccount(tx, ctx, actor, { virtualAccountId: id })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await as("eg-admin", (tx, ctx, actor) => createVirtualAccount(tx, ctx, actor, { smartAccountId: EG, name: "Short-Lived", description: "", users: [] }));
  });
});
