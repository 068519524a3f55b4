import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, licenseLots, licenseTransactions, roleAssignments, smartAccounts, virtualAccounts } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { computeBalances } from "@/lib/licensing/balances";
import { depositOrder } from "@/lib/ops/orders";
import { createSmartAccountSchema, depositOrderSchema } from "@/lib/ops/schemas";
import { assignFirstAdministrator, createSmartAccount, listSmartAccountsForOps, setAccountFlag } from "@/lib/ops/smart-accounts";
import { EG_SA, saId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { useDemoDatabase } from "@/tests/helpers/demo-db";

describe.each(drivers)("S-34 Licensing Operations (%s)", (driver) => {
  const { db, as } = useDemoDatabase(driver);

  const messages = async (saId: string) =>
    (await db.select().from(events).where(eq(events.smartAccountId, saId)).orderBy(events.id)).map((e) => e.message);

  it("W-52a creates the SA with its DEFAULT VA and first administrator (E-53b, E-50, shown in OPS)", async () => {
    const input = createSmartAccountSchema.parse({ name: "Acme Corp", domain: "acme.example.com", administratorEmail: "viewer@example.com" });
    const { id } = await as("lic-ops", (tx, ctx, actor) => createSmartAccount(tx, ctx, actor, input));
    const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, id));
    expect(sa.accountId).toMatch(/^\d{6}$/);
    const vas = await db.select().from(virtualAccounts).where(eq(virtualAccounts.smartAccountId, id));
    expect(vas.map((v) => [v.name, v.isDefault])).toEqual([["DEFAULT", true]]);
    expect(await db.$count(roleAssignments, and(eq(roleAssignments.smartAccountId, id), eq(roleAssignments.role, "SA_ADMIN")))).toBe(1);
    expect(await messages(id)).toEqual([
      `Smart Account "Acme Corp" (acme.example.com, account id ${sa.accountId}) was created with the default virtual account "DEFAULT".`,
      "eg-viewer was given the role Smart Account Administrator.",
    ]);
    const rows = await db.select().from(events).where(eq(events.smartAccountId, id));
    expect(rows.every((e) => e.shownIn.includes("OPS"))).toBe(true);
  });

  it("V-10a and V-12b refusals change nothing", async () => {
    const parse = (v: object) => {
      const r = createSmartAccountSchema.safeParse(v);
      return r.success ? "ok" : r.error.issues[0].message;
    };
    expect(parse({ name: " ", domain: "x.example.com" })).toBe("Smart Account name is required.");
    expect(parse({ name: "x".repeat(101), domain: "x.example.com" })).toBe("Smart Account name must be 100 characters or fewer.");
    expect(parse({ name: "X", domain: "-bad.com" })).toBe("Enter a valid domain, such as example.com.");
    const before = await db.$count(smartAccounts);
    await expect(
      as("lic-ops", (tx, ctx, actor) => createSmartAccount(tx, ctx, actor, createSmartAccountSchema.parse({ name: "Eg-SA-01", domain: "new.example.com" }))),
    ).rejects.toThrow('A Smart Account named "Eg-SA-01" already exists.');
    await expect(
      as("lic-ops", (tx, ctx, actor) => createSmartAccount(tx, ctx, actor, createSmartAccountSchema.parse({ name: "New", domain: "EG-SA-01.example.com" }))),
    ).rejects.toThrow("The domain EG-SA-01.example.com is already used by another Smart Account.");
    await expect(
      as("lic-ops", (tx, ctx, actor) =>
        createSmartAccount(tx, ctx, actor, createSmartAccountSchema.parse({ name: "New", domain: "new.example.com", administratorEmail: "nobody@example.com" })),
      ),
    ).rejects.toThrow("No user found with that email.");
    await expect(
      as("lic-ops", (tx, ctx, actor) => assignFirstAdministrator(tx, ctx, actor, { smartAccountId: saId(EG_SA), email: "viewer@example.com" })),
    ).rejects.toThrow("This Smart Account already has an administrator.");
    expect(await db.$count(smartAccounts)).toBe(before);
  });

  it("lists every Smart Account with whether it has an administrator", async () => {
    const rows = await as("lic-ops", (tx, ctx) => listSmartAccountsForOps(tx, ctx));
    expect(rows.find((r) => r.name === "Eg-SA-01")?.hasAdministrator).toBe(true);
    const bare = await as("lic-ops", (tx, ctx, actor) =>
      createSmartAccount(tx, ctx, actor, createSmartAccountSchema.parse({ name: "No Admin Yet", domain: "noadmin.example.com" })),
    );
    const after = await as("lic-ops", (tx, ctx) => listSmartAccountsForOps(tx, ctx));
    expect(after.find((r) => r.id === bare.id)?.hasAdministrator).toBe(false);
  });

  it("only Licensing Operations may use the console", async () => {
    await expect(
      as("eg-admin", (tx, ctx, actor) => setAccountFlag(tx, ctx, actor, { smartAccountId: saId(EG_SA), flag: "plrEnabled", value: false })),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("W-54 toggles a flag with E-53", async () => {
    await as("lic-ops", (tx, ctx, actor) => setAccountFlag(tx, ctx, actor, { smartAccountId: saId(EG_SA), flag: "reservationEnabled", value: false }));
    expect((await messages(saId(EG_SA))).at(-1)).toBe("Account setting License Reservation changed from Enabled to Disabled.");
    const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, saId(EG_SA)));
    expect(sa.reservationEnabled).toBe(false);
  });

  it("W-52 deposits lots with ORDER rows (INV-5), pending lines count 0 until upgraded", async () => {
    const va = vaId(EG_SA, "Lab-01");
    const input = depositOrderSchema.parse({
      smartAccountId: saId(EG_SA),
      virtualAccountId: va,
      orderNumber: "107399001",
      orderDate: "2024-03-10",
      lines: [
        { licenseDefinitionId: licenseId(19), sku: "C8000-NWA-T0-10M", quantity: "7", licenseType: "PERPETUAL" },
        { licenseDefinitionId: licenseId(1), sku: "DNA-HSEC-UPGD=", quantity: 2, licenseType: "PERPETUAL", pendingUpgrade: true },
      ],
    });
    await as("lic-ops", (tx, ctx, actor) => depositOrder(tx, ctx, actor, input));
    const balances = await computeBalances(db, [va]);
    expect(balances.find((b) => b.licenseDefinitionId === licenseId(19))).toMatchObject({ purchased: 7, balance: 7 });
    expect(balances.find((b) => b.licenseDefinitionId === licenseId(1))).toMatchObject({ purchased: 0, pending: 2 });
    const lots = await db.select().from(licenseLots).where(eq(licenseLots.virtualAccountId, va));
    for (const lot of lots) {
      const deltas = await db.select().from(licenseTransactions).where(eq(licenseTransactions.lotId, lot.id));
      expect(deltas.reduce((s, t) => s + t.delta, 0)).toBe(lot.quantity);
    }
    expect((await messages(saId(EG_SA))).slice(-2)).toEqual([
      '7 "Routing Network Advantage: Tier 0: 10M" license(s) were added from order 107399001 (SKU C8000-NWA-T0-10M).',
      '2 "Router US Export Lic. for DNA" license(s) were added from order 107399001 (SKU DNA-HSEC-UPGD=).',
    ]);
    await expect(as("lic-ops", (tx, ctx, actor) => depositOrder(tx, ctx, actor, input))).rejects.toBeInstanceOf(ValidationError);
    await expect(
      as("lic-ops", (tx, ctx, actor) => depositOrder(tx, ctx, actor, { ...input, orderNumber: "107399002", smartAccountId: saId("BU Production Test") })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("validates order lines", () => {
    const first = (lines: object[]) => {
      const r = depositOrderSchema.safeParse({ smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "Lab-01"), orderNumber: "107399003", orderDate: "2024-03-10", lines });
      return r.success ? "ok" : r.error.issues[0].message;
    };
    const line = { licenseDefinitionId: licenseId(19), sku: "X", quantity: 1, licenseType: "PERPETUAL" };
    expect(first([])).toBe("Add at least one line.");
    expect(first([{ ...line, quantity: 0 }])).toBe("Quantity must be at least 1.");
    expect(first([{ ...line, quantity: 1.5 }])).toBe("Quantity must be a whole number.");
    expect(first([{ ...line, licenseType: "TERM" }])).toBe("Term, subscription and demo licenses need an end date.");
    expect(first([{ ...line, startDate: "2024-05-01", endDate: "2024-04-01" }])).toBe("The end date must not be before the start date.");
    expect(first([line])).toBe("ok");
  });
});
