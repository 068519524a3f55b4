import { count, eq, inArray, max, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { licenseInUse, licenseUsage, productInstances, virtualAccounts } from "@/db/schema";
import { computeBalances } from "@/lib/licensing/balances";
import { EG_SA, saId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const VAS = [vaId(EG_SA, "Eg-VA-01"), vaId(EG_SA, "Lab-01"), vaId(EG_SA, "CORE TAC")];
const LICENSES = [1, 2, 3, 4, 19].map(licenseId);
const SOURCES = ["REPORTED", "SLR", "PLR", "SLAC"] as const;

/** A small seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T,>(xs: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => pick(xs)))];
  return { int, pick, some };
}

/** D-10 from scratch: Σ over each VA's instances of the largest count across sources, and the rows behind it. */
async function inUseFromScratch(db: Db) {
  const perPair = db
    .select({
      piId: licenseUsage.productInstanceId,
      licId: licenseUsage.licenseDefinitionId,
      used: max(licenseUsage.count).as("used"),
      rows: count().as("rows"),
    })
    .from(licenseUsage)
    .groupBy(licenseUsage.productInstanceId, licenseUsage.licenseDefinitionId)
    .as("per_pair");
  const rows = await db
    .select({
      va: productInstances.virtualAccountId,
      lic: perPair.licId,
      total: sql<number>`sum(${perPair.used})`.mapWith(Number),
      rows: sql<number>`sum(${perPair.rows})`.mapWith(Number),
    })
    .from(perPair)
    .innerJoin(productInstances, eq(productInstances.id, perPair.piId))
    .groupBy(productInstances.virtualAccountId, perPair.licId);
  return new Map(rows.map((r) => [`${r.va}|${r.lic}`, { total: r.total, rows: r.rows }]));
}

describe.each(drivers)("[LICENSES] license_in_use follows every write to usage and instances (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);

  async function expectInUseExact(step: string) {
    const expected = await inUseFromScratch(db);
    const kept = await db.select().from(licenseInUse).where(sql`${licenseInUse.usageRows} > 0`);
    expect(new Map(kept.map((k) => [`${k.virtualAccountId}|${k.licenseDefinitionId}`, { total: k.total, rows: k.usageRows }])), step).toEqual(expected);
    const stale = await db.select().from(licenseInUse).where(sql`${licenseInUse.usageRows} = 0 and ${licenseInUse.total} <> 0`);
    expect(stale, step).toEqual([]);

    const allVas = (await db.select({ id: virtualAccounts.id }).from(virtualAccounts)).map((v) => v.id);
    const balances = await computeBalances(db, allVas);
    for (const b of balances) expect(b.inUse, `${step}: ${b.virtualAccountId}|${b.licenseDefinitionId}`).toBe(expected.get(`${b.virtualAccountId}|${b.licenseDefinitionId}`)?.total ?? 0);
    const listed = new Set(balances.map((b) => `${b.virtualAccountId}|${b.licenseDefinitionId}`));
    for (const k of expected.keys()) expect(listed.has(k), `${step}: ${k} listed`).toBe(true);
  }

  it("matches D-10 from scratch on the demo data as migrated", async () => {
    await expectInUseExact("demo data");
  });

  it("matches D-10 from scratch after each of a random mix of writes", async () => {
    const r = random(driver === "pglite" ? 20261207 : 7021626);
    let serial = 0;
    const pis: string[] = [];
    async function addInstances(n: number) {
      const rows = await db
        .insert(productInstances)
        .values(
          Array.from({ length: n }, () => ({
            virtualAccountId: r.pick(VAS),
            smartAccountId: saId(EG_SA),
            udiPid: "C8000V",
            udiSn: `INUSE${String(++serial).padStart(5, "0")}`,
            registrationDate: T0,
          })),
        )
        .returning({ id: productInstances.id });
      pis.push(...rows.map((p) => p.id));
    }
    const usageRow = () => ({
      productInstanceId: r.pick(pis),
      licenseDefinitionId: r.pick(LICENSES),
      source: r.pick(SOURCES),
      count: r.int(6),
      updatedAt: T0,
    });
    const distinctKeys = <T extends { productInstanceId: string; licenseDefinitionId: string; source: string }>(rows: T[]) =>
      [...new Map(rows.map((u) => [`${u.productInstanceId}|${u.licenseDefinitionId}|${u.source}`, u])).values()];
    const randomPis = (n: number) => r.some(pis, n);

    const writes: Record<string, () => Promise<unknown>> = {
      insert: () => db.insert(licenseUsage).values(distinctKeys(Array.from({ length: 1 + r.int(6) }, usageRow))).onConflictDoNothing(),
      // New rows and changed counts in one statement: the insert and the update trigger both fire.
      upsert: () =>
        db
          .insert(licenseUsage)
          .values(distinctKeys(Array.from({ length: 1 + r.int(10) }, usageRow)))
          .onConflictDoUpdate({
            target: [licenseUsage.productInstanceId, licenseUsage.licenseDefinitionId, licenseUsage.source],
            set: { count: sql`excluded.count` },
          }),
      bulkUpdate: () =>
        db
          .update(licenseUsage)
          .set({ count: sql`(${licenseUsage.count} + ${1 + r.int(4)}) % 7` })
          .where(inArray(licenseUsage.productInstanceId, randomPis(4))),
      changeSource: () =>
        db.execute(sql`update license_usage u set source = ${r.pick(SOURCES)}
          where ctid = (select ctid from license_usage where product_instance_id in ${randomPis(3)} limit 1)
          and not exists (select from license_usage x where x.product_instance_id = u.product_instance_id
            and x.license_definition_id = u.license_definition_id and x.source = ${"SLAC"})`),
      moveUsage: () =>
        db.execute(sql`update license_usage u set product_instance_id = ${r.pick(pis)}
          where ctid = (select ctid from license_usage where product_instance_id in ${randomPis(3)} limit 1)
          and not exists (select from license_usage x where x.product_instance_id = ${pis[0]}
            and x.license_definition_id = u.license_definition_id and x.source = u.source)`),
      deleteUsage: () => db.delete(licenseUsage).where(inArray(licenseUsage.productInstanceId, randomPis(2))),
      deleteSome: () => db.execute(sql`delete from license_usage where product_instance_id in ${randomPis(5)} and source = ${r.pick(SOURCES)}`),
      moveInstances: () => db.update(productInstances).set({ virtualAccountId: r.pick(VAS) }).where(inArray(productInstances.id, randomPis(3))),
      removeInstance: async () => {
        const gone = randomPis(1 + r.int(2));
        await db.delete(productInstances).where(inArray(productInstances.id, gone));
        pis.splice(0, pis.length, ...pis.filter((p) => !gone.includes(p)));
        await addInstances(gone.length);
      },
      // Several statements in one transaction, and one that rolls back.
      transaction: () =>
        db.transaction(async (tx) => {
          await tx.insert(licenseUsage).values(distinctKeys(Array.from({ length: 3 }, usageRow))).onConflictDoNothing();
          await tx.update(productInstances).set({ virtualAccountId: r.pick(VAS) }).where(inArray(productInstances.id, randomPis(2)));
          await tx.delete(licenseUsage).where(inArray(licenseUsage.productInstanceId, randomPis(1)));
        }),
      rolledBack: () =>
        db
          .transaction(async (tx) => {
            await tx.delete(licenseUsage).where(inArray(licenseUsage.productInstanceId, randomPis(4)));
            tx.rollback();
          })
          .catch(() => undefined),
    };

    await addInstances(12);
    const names = Object.keys(writes);
    for (let step = 0; step < 70; step++) {
      const name = step < 8 ? "upsert" : r.pick(names);
      await writes[name]();
      await expectInUseExact(`step ${step} (${name})`);
    }
  }, 120_000);
});
