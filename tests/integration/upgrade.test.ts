import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { events, licenseLots, licenseTransactions } from "@/db/schema";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, ValidationError } from "@/lib/access/errors";
import { listLicenseRows } from "@/lib/licensing/licenses";
import { upgradeLicenses, type UpgradeLicensesInput, upgradeOptions } from "@/lib/licensing/upgrade";
import { EG_SA, lotId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const VA02 = vaId(EG_SA, "Eg-VA-02");
const LAB = vaId(EG_SA, "Lab-01");
/** DD-4: #1 `Router US Export Lic. for DNA` is the upgrade target of #2, #12 and #14. */
const DNA_HSEC = licenseId(1);
const ISR1100_HSEC = licenseId(2);
const ISR4331_HSEC = licenseId(12);

describe.each(drivers)("S-14 / W-22 Upgrade Licenses (%s)", (driver) => {
  const { db, actorOf, ctxOf, as, refusals } = useDemoDatabase(driver, { clock: new Date("2024-03-10T13:00:00Z") });

  const upgrade = (input: UpgradeLicensesInput): Op => (tx, ctx, actor) => upgradeLicenses(tx, ctx, actor, input);
  const hsecIn02 = (quantity: number): UpgradeLicensesInput => ({ vaId: VA02, targetLicenseId: DNA_HSEC, sourceLicenseId: ISR1100_HSEC, quantity });

  async function snapshot() {
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return { lots: sorted(await db.select().from(licenseLots)), ledger: await db.$count(licenseTransactions), events: await db.$count(events) };
  }
  const expectRefused = refusals(snapshot);
  /** INV-5 for every lot; no lot below 0. */
  async function expectLedgerConsistent() {
    const rows = await db
      .select({
        id: licenseLots.id,
        quantity: licenseLots.quantity,
        pending: licenseLots.pendingQuantity,
        sum: sql<number>`coalesce(sum(${licenseTransactions.delta}), 0)`.mapWith(Number),
      })
      .from(licenseLots)
      .leftJoin(licenseTransactions, eq(licenseTransactions.lotId, licenseLots.id))
      .groupBy(licenseLots.id, licenseLots.quantity, licenseLots.pendingQuantity);
    for (const r of rows) {
      expect(r.quantity, `lot ${r.id}`).toBe(r.sum);
      expect(r.quantity).toBeGreaterThanOrEqual(0);
      expect(r.pending).toBeGreaterThanOrEqual(0);
    }
  }
  async function rowOf(va: string, license: string) {
    return (await listLicenseRows(db, await ctxOf("eg-admin"), va)).find((r) => r.licenseDefinitionId === license);
  }
  /** A lot straight from an order (W-52): pending lots hold their units in pending_quantity, with a 0 ORDER row. */
  async function deposit(va: string, license: string, quantity: number, pending = false) {
    await db.transaction(async (tx) => {
      const [lot] = await tx
        .insert(licenseLots)
        .values({
          virtualAccountId: va,
          licenseDefinitionId: license,
          quantity: pending ? 0 : quantity,
          pendingQuantity: pending ? quantity : 0,
          licenseType: "PERPETUAL",
          source: "ORDER",
          sourceRef: "107499999",
          sku: pending ? "DNA-HSEC-UPGD=" : "FL-4330-HSEC-K9",
        })
        .returning();
      await tx.insert(licenseTransactions).values({
        smartAccountId: EG,
        virtualAccountId: va,
        licenseDefinitionId: license,
        lotId: lot.id,
        delta: pending ? 0 : quantity,
        type: "ORDER",
        orderNumber: "107499999",
        occurredAt: new Date("2024-03-10T12:30:00Z"),
      });
    });
  }

  it("offers the pending license of Eg-VA-02 and the device-specific license it replaces", async () => {
    const options = await upgradeOptions(db, await ctxOf("eg-admin"), VA02);
    expect(options.virtualAccount).toEqual({ id: VA02, name: "Eg-VA-02" });
    expect(options.targets).toEqual([{ id: DNA_HSEC, name: "Router US Export Lic. for DNA", pending: 1 }]);
    expect(options.sources).toEqual([{ id: ISR1100_HSEC, name: "ISR_1100_8P_Hsec", upgradeToId: DNA_HSEC, available: 2, lots: [{ endDate: null, quantity: 2 }] }]);
    expect((await upgradeOptions(db, await ctxOf("eg-admin"), vaId(EG_SA, "Eg-VA-01"))).targets).toEqual([]);
  });

  it("refuses V-52, V-2 and foreign input, and changes nothing", async () => {
    await expectRefused("eg-admin", upgrade(hsecIn02(2)), ValidationError, "You can upgrade at most 1 license(s).");
    await expectRefused("eg-admin", upgrade(hsecIn02(0)), ValidationError, "You can upgrade at most 1 license(s).");
    await expectRefused("eg-viewer", upgrade(hsecIn02(1)), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-vauser", upgrade(hsecIn02(1)), NotFoundError);
    await expectRefused("bu-admin", upgrade(hsecIn02(1)), NotFoundError);
    await expectRefused("eg-admin", upgrade({ ...hsecIn02(1), sourceLicenseId: licenseId(3) }), NotFoundError);
  });

  it("upgrades 1: UPGRADE_OUT on the ISR 1100 lot, UPGRADE_IN on the pending lot, E-38", async () => {
    expect(await rowOf(VA02, DNA_HSEC)).toMatchObject({ purchased: 1, pending: 1, upgradePending: true });
    await as("eg-vaadmin", upgrade(hsecIn02(1)));
    expect(await rowOf(VA02, DNA_HSEC)).toMatchObject({ purchased: 2, pending: 0, balance: 2, upgradePending: false });
    expect(await rowOf(VA02, ISR1100_HSEC)).toMatchObject({ purchased: 1, balance: 1 });
    const [pendingLot] = await db.select().from(licenseLots).where(eq(licenseLots.id, lotId("107400001:1")));
    expect(pendingLot).toMatchObject({ quantity: 1, pendingQuantity: 0, status: "ACTIVE" });
    const rows = await db.select().from(licenseTransactions).where(and(eq(licenseTransactions.virtualAccountId, VA02), sql`${licenseTransactions.type} in ('UPGRADE_IN', 'UPGRADE_OUT')`));
    expect(rows.map((r) => [r.type, r.delta, r.licenseDefinitionId, r.userId]).sort()).toEqual([
      ["UPGRADE_IN", 1, DNA_HSEC, userId("eg-vaadmin")],
      ["UPGRADE_OUT", -1, ISR1100_HSEC, userId("eg-vaadmin")],
    ]);
    const [event] = await db.select().from(events).where(eq(events.type, "E-38"));
    expect(event).toMatchObject({
      message: '1 "ISR_1100_8P_Hsec" license(s) were replaced by "Router US Export Lic. for DNA".',
      actorLabel: "eg-vaadmin",
      virtualAccountId: VA02,
      licenseDefinitionId: DNA_HSEC,
      shownIn: ["VA", "LIC"],
    });
    await expectLedgerConsistent();
  });

  it("leaves the rest pending after a partial upgrade, and a lot that reaches 0 becomes REPLACED", async () => {
    await deposit(VA02, DNA_HSEC, 3, true);
    await as("eg-admin", upgrade(hsecIn02(1)));
    expect(await rowOf(VA02, DNA_HSEC)).toMatchObject({ purchased: 3, pending: 2, upgradePending: true });
    const [isrLot] = await db.select().from(licenseLots).where(eq(licenseLots.id, lotId("107314021:1")));
    expect(isrLot).toMatchObject({ quantity: 0, status: "REPLACED" });
    await expectRefused("eg-admin", upgrade(hsecIn02(1)), ValidationError, "You can upgrade at most 0 license(s).");
    await expectLedgerConsistent();
  });

  // PGlite serves one connection, so real concurrency can only be shown on PostgreSQL.
  if (driver === "postgres") {
    it("INV-4a: 20 concurrent upgrades of 1 from a pending lot of 5 — exactly 5 succeed, totals conserved", async () => {
      await deposit(LAB, ISR4331_HSEC, 20);
      await deposit(LAB, DNA_HSEC, 5, true);
      const totals = async () => {
        const lots = await db.select().from(licenseLots).where(eq(licenseLots.virtualAccountId, LAB));
        const sum = (lic: string, key: "quantity" | "pendingQuantity") => lots.filter((l) => l.licenseDefinitionId === lic).reduce((s, l) => s + l[key], 0);
        return { source: sum(ISR4331_HSEC, "quantity"), target: sum(DNA_HSEC, "quantity"), pending: sum(DNA_HSEC, "pendingQuantity") };
      };
      expect(await totals()).toEqual({ source: 20, target: 0, pending: 5 });
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
      url.pathname = `/${name}`;
      const ctx = await ctxOf("eg-admin");
      const handles = await Promise.all(Array.from({ length: 20 }, () => openPostgres(url.toString())));
      try {
        const outcomes = await Promise.allSettled(
          handles.map((hh) =>
            hh.db.transaction((tx) =>
              upgradeLicenses(tx, ctx, actorOf("eg-admin"), { vaId: LAB, targetLicenseId: DNA_HSEC, sourceLicenseId: ISR4331_HSEC, quantity: 1 }),
            ),
          ),
        );
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
        expect(refused).toHaveLength(15);
        for (const r of refused) {
          expect(r.reason).toBeInstanceOf(ValidationError);
          expect((r.reason as Error).message).toBe("You can upgrade at most 0 license(s).");
        }
      } finally {
        await Promise.all(handles.map((hh) => hh.close()));
      }
      const after = await totals();
      expect(after).toEqual({ source: 15, target: 5, pending: 0 });
      expect(after.source + after.target).toBe(20);
      expect(after.target + after.pending).toBe(5);
      expect(await rowOf(LAB, DNA_HSEC)).toMatchObject({ purchased: 5, pending: 0, upgradePending: false });
      await expectLedgerConsistent();
    });
  }
});
