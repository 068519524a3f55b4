import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { events, licenseLots, licenseTagLinks, licenseTags, licenseTransactions, virtualAccounts } from "@/db/schema";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, ValidationError } from "@/lib/access/errors";
import { licenseDetail, licenseEvents } from "@/lib/licensing/detail";
import { ledgerFilterSchema, queryLedger } from "@/lib/licensing/ledger";
import { listLicenseRows } from "@/lib/licensing/licenses";
import {
  assignLicenseTag,
  createLicenseTag,
  deleteLicenseTag,
  listLicenseTags,
  renameLicenseTag,
  TAG_MSG,
  tagNamesByVirtualAccount,
} from "@/lib/licensing/tags";
import { transferLicenses, type TransferLicensesInput } from "@/lib/licensing/transfer";
import { BU_SA, EG_SA, saId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const BU_DEVICE = vaId(BU_SA, "Device");
const DNA_ADV = "C9500-32QC DNA Advantage";

describe.each(drivers)("S-9 licenses, W-7 transfers, D-22 tags (%s)", (driver) => {
  const { db, actorOf, ctxOf, as, refusals } = useDemoDatabase(driver, { clock: new Date("2024-03-10T13:00:00Z") });

  const transfer = (input: TransferLicensesInput): Op => (tx, ctx, actor) => transferLicenses(tx, ctx, actor, input);

  async function rowsOf(va: string, cco = "eg-admin") {
    return listLicenseRows(db, await ctxOf(cco), va);
  }
  async function rowOf(va: string, n: number) {
    return (await rowsOf(va)).find((r) => r.licenseDefinitionId === licenseId(n));
  }

  async function snapshot() {
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return {
      lots: sorted(await db.select().from(licenseLots)),
      ledger: await db.$count(licenseTransactions),
      events: await db.$count(events),
      tags: sorted(await db.select().from(licenseTags)),
      links: sorted(await db.select().from(licenseTagLinks)),
    };
  }
  const expectRefused = refusals(snapshot);

  /** INV-5: every lot's quantity is the sum of its ledger deltas; no lot below 0. */
  async function expectLedgerConsistent() {
    const rows = await db
      .select({ id: licenseLots.id, quantity: licenseLots.quantity, sum: sql<number>`coalesce(sum(${licenseTransactions.delta}), 0)`.mapWith(Number) })
      .from(licenseLots)
      .leftJoin(licenseTransactions, eq(licenseTransactions.lotId, licenseLots.id))
      .groupBy(licenseLots.id, licenseLots.quantity);
    for (const r of rows) {
      expect(r.quantity, `lot ${r.id}`).toBe(r.sum);
      expect(r.quantity).toBeGreaterThanOrEqual(0);
    }
  }
  async function saTotal(n: number) {
    const [{ total }] = await db
      .select({ total: sql<number>`coalesce(sum(${licenseLots.quantity}), 0)`.mapWith(Number) })
      .from(licenseLots)
      .innerJoin(virtualAccounts, eq(virtualAccounts.id, licenseLots.virtualAccountId))
      .where(and(eq(virtualAccounts.smartAccountId, EG), eq(licenseLots.licenseDefinitionId, licenseId(n)), eq(licenseLots.status, "ACTIVE")));
    return total;
  }

  it("lists the DD-5 rows of Eg-VA-01, sorted by name, with alerts from the balance", async () => {
    const rows = await rowsOf(VA01);
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const pick = (n: number) => rows.find((r) => r.licenseDefinitionId === licenseId(n))!;
    expect(pick(3)).toMatchObject({ purchased: 1, inUse: 2, balance: -1, alerts: ["Insufficient Licenses"], compliance: "Out Of Compliance", billing: "Prepaid" });
    expect(pick(4)).toMatchObject({ purchased: 1, inUse: 2, balance: -1 });
    expect(pick(2)).toMatchObject({ purchased: 0, inUse: 1, balance: -1 });
    expect(pick(1)).toMatchObject({ purchased: 3, inUse: 2, balance: 1, alerts: [] });
    expect(pick(5)).toMatchObject({ purchased: 1, inUse: 1, balance: 0, compliance: "In Compliance" });
    expect(pick(19)).toMatchObject({ purchased: 20, inUse: 16, balance: 4 });
    expect(pick(20)).toMatchObject({ purchased: 5, inUse: 1, balance: 4 });
    expect(pick(24)).toMatchObject({ purchased: 2, inUse: 1, balance: 1 });
    expect(pick(24).lots).toHaveLength(2);
    for (const n of [14, 15, 16, 17, 18]) expect(pick(n)).toMatchObject({ purchased: 2, inUse: 1, balance: 1 });
    for (const n of [8, 9, 10, 11, 12, 13, 21, 22, 23]) expect(pick(n)).toMatchObject({ purchased: 1, balance: 0 });
    expect(rows).toHaveLength(22);
    expect(pick(3).lots[0]).toMatchObject({ source: "ORDER", sourceRef: "107310021", sku: "C1111-8P-APPX", quantity: 1 });
  });

  it("shows the pending upgrade lot of Eg-VA-02 as `(+ 1 pending)` and Upgrade Pending", async () => {
    const row = await rowOf(VA02, 1);
    expect(row).toMatchObject({ purchased: 1, pending: 1, balance: 1, upgradePending: true });
    const pak = await rowOf(VA02, 43);
    expect(pak).toMatchObject({ purchased: 4, balance: 4 });
    expect(pak!.lots[0]).toMatchObject({ source: "PAK_CONVERSION", sourceRef: "2QW9E4R7T5Y" });
  });

  it("refuses every V-14 / V-15 violation and changes nothing", async () => {
    const base = { sourceVaId: VA02, targetVaId: KRAKOW };
    const line = (quantity: number) => ({ ...base, lines: [{ licenseDefinitionId: licenseId(30), quantity }] });
    await expectRefused("eg-admin", transfer(line(0)), ValidationError, "Enter a quantity of at least 1.");
    await expectRefused("eg-admin", transfer(line(-1)), ValidationError, "Enter a quantity of at least 1.");
    await expectRefused("eg-admin", transfer(line(1.5)), ValidationError, "Enter a quantity of at least 1.");
    await expectRefused("eg-admin", transfer(line(3)), ValidationError, `Only 2 "${DNA_ADV}" licenses are available to transfer.`);
    await expectRefused(
      "eg-admin",
      transfer({ sourceVaId: KRAKOW, targetVaId: VA02, lines: [{ licenseDefinitionId: licenseId(30), quantity: 1 }] }),
      ValidationError,
      `Only 0 "${DNA_ADV}" licenses are available to transfer.`,
    );
    await expectRefused("eg-admin", transfer({ ...line(1), targetVaId: VA02 }), ValidationError, "Choose a different target virtual account.");
    await expectRefused("eg-admin", transfer({ ...line(1), targetVaId: BU_DEVICE }), NotFoundError);
    await expectRefused("eg-vaadmin", transfer(line(1)), ForbiddenError, "You cannot transfer to virtual account Krakow LAN-SW.");
    await expectRefused("eg-vauser", transfer({ ...line(1), sourceVaId: VA01, targetVaId: KRAKOW }), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-viewer", transfer(line(1)), ForbiddenError, PERMISSION_DENIED);
    await expectRefused("eg-admin", transfer({ ...line(1), memo: "x".repeat(256) }), ValidationError, "Memo must be 255 characters or fewer.");
  });

  it("transfers 2 × #30 from Eg-VA-02 to Krakow LAN-SW with ledger rows and events (W-7)", async () => {
    const totalBefore = await saTotal(30);
    const [{ maxId }] = await db.select({ maxId: sql<number>`coalesce(max(${events.id}), 0)`.mapWith(Number) }).from(events);
    const result = (await as(
      "eg-admin",
      transfer({ sourceVaId: VA02, targetVaId: KRAKOW, lines: [{ licenseDefinitionId: licenseId(30), quantity: 2 }], memo: "Krakow fix" }),
    )) as { quantity: number; targetName: string; transferGroupId: string };
    expect(result).toMatchObject({ quantity: 2, targetName: "Krakow LAN-SW" });

    expect(await rowOf(KRAKOW, 30)).toMatchObject({ purchased: 5, inUse: 4, balance: 1, alerts: [] });
    expect(await rowOf(VA02, 30)).toMatchObject({ purchased: 0, balance: 0 });
    expect(await saTotal(30)).toBe(totalBefore);

    const ledger = await db
      .select()
      .from(licenseTransactions)
      .where(eq(licenseTransactions.transferGroupId, result.transferGroupId))
      .orderBy(asc(licenseTransactions.delta));
    expect(ledger.map((l) => [l.type, l.delta, l.virtualAccountId, l.counterpartVaId, l.memo])).toEqual([
      ["TRANSFER_OUT", -2, VA02, KRAKOW, "Krakow fix"],
      ["TRANSFER_IN", 2, KRAKOW, VA02, "Krakow fix"],
    ]);
    const [newLot] = await db.select().from(licenseLots).where(eq(licenseLots.id, ledger[1].lotId));
    expect(newLot).toMatchObject({ source: "TRANSFER", quantity: 2, virtualAccountId: KRAKOW, licenseType: "SUBSCRIPTION" });
    const krakowRow = await rowOf(KRAKOW, 30);
    expect(krakowRow!.lots.find((l) => l.source === "TRANSFER")).toMatchObject({ fromVa: "Eg-VA-02", quantity: 2, memo: "Krakow fix" });
    await expectLedgerConsistent();

    const written = await db.select().from(events).where(gt(events.id, maxId)).orderBy(asc(events.id));
    expect(written.map((e) => [e.type, e.message, e.virtualAccountId, e.licenseDefinitionId, e.actorLabel])).toEqual([
      ["E-9", `2 "${DNA_ADV}" license(s) were transferred to "Krakow LAN-SW". Memo: Krakow fix`, VA02, licenseId(30), "eg-admin"],
      ["E-10", `2 "${DNA_ADV}" license(s) were received from "Eg-VA-02".`, KRAKOW, licenseId(30), "eg-admin"],
    ]);
    for (const e of written) expect(e.shownIn).toEqual(expect.arrayContaining(["VA", "LIC"]));
  });

  it("shows the transfer in S-31 and in the S-10 detail of the license", async () => {
    const admin = await ctxOf("eg-admin");
    const out = await queryLedger(db, admin, ledgerFilterSchema.parse({ sa: EG, type: "TRANSFER_OUT" }));
    expect(out.rows[0]).toMatchObject({ transaction: "Transfer Out", license: DNA_ADV, quantity: "-2", virtualAccount: "Eg-VA-02", reference: "To Krakow LAN-SW", user: "eg-admin" });
    const all = await queryLedger(db, admin, ledgerFilterSchema.parse({ sa: EG, q: "107310021" }));
    expect(all.rows.map((r) => r.transaction)).toEqual(["Order", "Order", "Order"]);
    // eg-vauser sees only Eg-VA-01 and Krakow LAN-SW.
    const vauser = await queryLedger(db, await ctxOf("eg-vauser"), ledgerFilterSchema.parse({ sa: EG, pageSize: 100 }));
    expect(new Set(vauser.rows.map((r) => r.virtualAccount))).toEqual(new Set(["Eg-VA-01", "Krakow LAN-SW"]));

    const detail = await licenseDetail(db, admin, KRAKOW, licenseId(30));
    expect(detail.overview).toMatchObject({ enforcement: "Not Enforced", duration: "Subscription", billing: "Prepaid" });
    expect(detail.overview.perVa.find((v) => v.virtualAccount === "Krakow LAN-SW")).toMatchObject({ inUse: 4, available: 1 });
    expect(detail.overview.expiration.reduce((n, e) => n + e.count, 0)).toBe(5);
    expect(detail.productInstances.length).toBeGreaterThan(0);
    expect(detail.orders.map((o) => o.virtualAccount)).toContain("Krakow LAN-SW");
    const log = await licenseEvents(db, admin, KRAKOW, licenseId(30), { page: 1, pageSize: 10 });
    expect(log.rows.map((r) => r.message)).toEqual(expect.arrayContaining([`2 "${DNA_ADV}" license(s) were received from "Eg-VA-02".`]));
  });

  it("lets a VA administrator transfer between the VAs they administer, earliest end date first", async () => {
    await as("eg-vaadmin", transfer({ sourceVaId: VA02, targetVaId: VA01, lines: [{ licenseDefinitionId: licenseId(19), quantity: 3 }] }));
    expect(await rowOf(VA01, 19)).toMatchObject({ purchased: 23, balance: 7 });
    expect(await rowOf(VA02, 19)).toMatchObject({ purchased: 2, balance: 2 });

    // #24 has two lots in Eg-VA-01, ending T0+200d and T0+400d: the earlier one is drawn.
    const moved = (await as("eg-vaadmin", transfer({ sourceVaId: VA01, targetVaId: VA02, lines: [{ licenseDefinitionId: licenseId(24), quantity: 1 }] }))) as {
      transferGroupId: string;
    };
    const [out] = await db
      .select({ endDate: licenseLots.endDate })
      .from(licenseTransactions)
      .innerJoin(licenseLots, eq(licenseLots.id, licenseTransactions.lotId))
      .where(and(eq(licenseTransactions.transferGroupId, moved.transferGroupId), eq(licenseTransactions.type, "TRANSFER_OUT")));
    expect(out.endDate).toBe("2024-09-26");
    expect((await rowOf(VA02, 24))!.lots).toMatchObject([{ source: "TRANSFER", endDate: "2024-09-26", quantity: 1, fromVa: "Eg-VA-01" }]);
    await expectLedgerConsistent();
  });

  describe("D-22 license tags (S-12, E-36)", () => {
    let tagId: string;

    it("creates, assigns, renames and deletes a tag, each with its E-36 event", async () => {
      const [{ maxId }] = await db.select({ maxId: sql<number>`coalesce(max(${events.id}), 0)`.mapWith(Number) }).from(events);
      const tag = (await as("eg-admin", (tx, ctx, actor) => createLicenseTag(tx, ctx, actor, { smartAccountId: EG, name: "Core" }))) as { id: string };
      tagId = tag.id;
      await as("eg-admin", (tx, ctx, actor) =>
        assignLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId, licenseDefinitionIds: [licenseId(3), licenseId(19)] }),
      );
      expect((await rowOf(VA01, 3))!.tags).toEqual(["Core"]);
      await as("eg-admin", (tx, ctx, actor) => assignLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId, licenseDefinitionIds: [licenseId(3)] }));
      await as("eg-admin", (tx, ctx, actor) => renameLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId, name: "Edge" }));
      expect((await rowOf(VA01, 3))!.tags).toEqual(["Edge"]);
      expect((await rowOf(VA01, 19))!.tags).toEqual([]);
      expect(await listLicenseTags(db, await ctxOf("eg-viewer"), EG)).toEqual([{ id: tagId, name: "Edge", licenseDefinitionIds: [licenseId(3)] }]);
      // S-6 `By Tag`: only VAs holding a lot of a tagged license carry the tag.
      const byVa = await tagNamesByVirtualAccount(db, EG, [VA01, VA02, KRAKOW]);
      expect([byVa.get(VA01), byVa.get(VA02), byVa.get(KRAKOW)]).toEqual([["Edge"], [], []]);

      await expectRefused("eg-admin", (tx, ctx, actor) => createLicenseTag(tx, ctx, actor, { smartAccountId: EG, name: "edge" }), ValidationError, TAG_MSG.taken("edge"));
      await expectRefused("eg-admin", (tx, ctx, actor) => createLicenseTag(tx, ctx, actor, { smartAccountId: EG, name: "x".repeat(41) }), Error);
      await expectRefused("eg-viewer", (tx, ctx, actor) => createLicenseTag(tx, ctx, actor, { smartAccountId: EG, name: "Viewer" }), ForbiddenError, PERMISSION_DENIED);
      await expectRefused("eg-vaadmin", (tx, ctx, actor) => deleteLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId }), ForbiddenError, PERMISSION_DENIED);
      await expectRefused("bu-admin", (tx, ctx, actor) => deleteLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId }), NotFoundError);

      await as("eg-admin", (tx, ctx, actor) => deleteLicenseTag(tx, ctx, actor, { smartAccountId: EG, tagId }));
      expect(await db.select().from(licenseTagLinks).where(eq(licenseTagLinks.tagId, tagId))).toEqual([]);

      const written = await db.select().from(events).where(and(gt(events.id, maxId), eq(events.type, "E-36"))).orderBy(asc(events.id));
      expect(written.map((e) => e.message)).toEqual([
        'License tag "Core" was created.',
        'License tag "Core" was assigned to "Cisco 1100 Series with 8 LAN Ports, AppX License".',
        'License tag "Core" was assigned to "Routing Network Advantage: Tier 0: 10M".',
        'License tag "Core" was removed from "Routing Network Advantage: Tier 0: 10M".',
        'License tag "Core" was renamed.',
        'License tag "Edge" was deleted.',
      ]);
      for (const e of written) expect(e).toMatchObject({ smartAccountId: EG, shownIn: ["SA"], category: "Licenses & Transfers" });
    });
  });

  // PGlite serves one connection, so real concurrency can only be shown on PostgreSQL.
  if (driver === "postgres") {
    it("INV-4a: 20 concurrent transfers of 1 out of a pool of 5 — exactly 5 succeed", async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
      url.pathname = `/${name}`;
      // Eg-VA-02 holds 5 × #19 (DD-5) before the VA-admin test took 3: top it back up from Eg-VA-01 first.
      await as("eg-admin", transfer({ sourceVaId: VA01, targetVaId: VA02, lines: [{ licenseDefinitionId: licenseId(19), quantity: 3 }] }));
      expect(await rowOf(VA02, 19)).toMatchObject({ purchased: 5, balance: 5 });
      const totalBefore = await saTotal(19);
      const ctx = await ctxOf("eg-admin");
      const handles = await Promise.all(Array.from({ length: 20 }, () => openPostgres(url.toString())));
      try {
        const outcomes = await Promise.allSettled(
          handles.map((hh) =>
            hh.db.transaction((tx) =>
              transferLicenses(tx, ctx, actorOf("eg-admin"), {
                sourceVaId: VA02,
                targetVaId: KRAKOW,
                lines: [{ licenseDefinitionId: licenseId(19), quantity: 1 }],
              }),
            ),
          ),
        );
        const ok = outcomes.filter((o) => o.status === "fulfilled");
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(ok).toHaveLength(5);
        expect(refused).toHaveLength(15);
        for (const r of refused) {
          expect(r.reason).toBeInstanceOf(ValidationError);
          expect((r.reason as Error).message).toMatch(/^Only 0 "Routing Network Advantage: Tier 0: 10M" licenses are available to transfer\.$/);
        }
      } finally {
        await Promise.all(handles.map((hh) => hh.close()));
      }
      expect(await rowOf(VA02, 19)).toMatchObject({ purchased: 0, balance: 0 });
      expect(await rowOf(KRAKOW, 19)).toMatchObject({ purchased: 5, balance: 5 });
      expect(await saTotal(19)).toBe(totalBefore);
      await expectLedgerConsistent();
      const groups = await db
        .select({ group: licenseTransactions.transferGroupId, sum: sql<number>`sum(${licenseTransactions.delta})`.mapWith(Number) })
        .from(licenseTransactions)
        .where(and(inArray(licenseTransactions.type, ["TRANSFER_IN", "TRANSFER_OUT"]), eq(licenseTransactions.licenseDefinitionId, licenseId(19))))
        .groupBy(licenseTransactions.transferGroupId);
      for (const g of groups) expect(g.sum).toBe(0);
    });
  }
});
