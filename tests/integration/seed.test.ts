import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  authorizations,
  conversions,
  events,
  hsecMap,
  licenseDefinitions,
  licenseLots,
  licenseTransactions,
  licenseUsage,
  orders,
  pakLines,
  paks,
  policies,
  policyPublications,
  productInstances,
  productMap,
  roleAssignments,
  signingKeys,
  skuMap,
  smartAccounts,
  users,
  virtualAccounts,
} from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { recomputeAllAlerts } from "@/lib/alerts/engine";
import { BU_SA, EG_SA, piId, saId, seedDemo, vaId } from "@/lib/seed/demo";
import { licenseId, loadReferenceData, policyId } from "@/lib/seed/reference";
import { isDatabaseEmpty, resetDemoData } from "@/lib/seed/reset";
import { drivers } from "../helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

/** DD-5: [VA, license #, Purchased, In Use, pending]. */
const EXPECTED: [string, string, number, number, number, number?][] = [
  [EG_SA, "Eg-VA-01", 5, 1, 1],
  [EG_SA, "Eg-VA-01", 3, 1, 2],
  [EG_SA, "Eg-VA-01", 4, 1, 2],
  [EG_SA, "Eg-VA-01", 2, 0, 1],
  [EG_SA, "Eg-VA-01", 1, 3, 2],
  ...[14, 15, 16, 17, 18].map((n): [string, string, number, number, number] => [EG_SA, "Eg-VA-01", n, 2, 1]),
  ...[8, 9, 10, 11, 12, 13].map((n): [string, string, number, number, number] => [EG_SA, "Eg-VA-01", n, 1, 1]),
  [EG_SA, "Eg-VA-01", 19, 20, 16],
  [EG_SA, "Eg-VA-01", 20, 5, 1],
  [EG_SA, "Eg-VA-01", 21, 1, 1],
  [EG_SA, "Eg-VA-01", 22, 1, 1],
  [EG_SA, "Eg-VA-01", 23, 1, 1],
  [EG_SA, "Eg-VA-01", 24, 2, 1],
  [EG_SA, "Eg-VA-02", 2, 2, 0],
  [EG_SA, "Eg-VA-02", 1, 1, 0, 1],
  [EG_SA, "Eg-VA-02", 30, 2, 0],
  [EG_SA, "Eg-VA-02", 19, 5, 0],
  [EG_SA, "Eg-VA-02", 43, 4, 0],
  [EG_SA, "Krakow LAN-SW", 29, 6, 6],
  [EG_SA, "Krakow LAN-SW", 30, 3, 4],
  ...[25, 26, 27, 28].map((n): [string, string, number, number, number] => [EG_SA, "Krakow LAN-SW", n, 1, 1]),
  [EG_SA, "Branch-Routers", 38, 10, 0],
  [EG_SA, "Branch-Routers", 12, 2, 1],
  [EG_SA, "Branch-Routers", 13, 2, 1],
  [EG_SA, "MSLA-Utility", 36, 10, 1],
  [EG_SA, "MSLA-Utility", 37, 5, 1],
  [EG_SA, "OnPrem-Campus", 27, 4, 2],
  [EG_SA, "OnPrem-Campus", 28, 4, 2],
  [BU_SA, "Device", 34, 2, 1],
  [BU_SA, "Device", 35, 2, 2],
];

type Pool = { purchased: number; inUse: number; pending: number };

/** Purchased = Σ quantity of ACTIVE lots; In Use = Σ over PIs of the max count across sources (D-6, D-10). */
async function pools(db: Db): Promise<Map<string, Pool>> {
  const out = new Map<string, Pool>();
  const get = (va: string, lic: string) => {
    const key = `${va}|${lic}`;
    if (!out.has(key)) out.set(key, { purchased: 0, inUse: 0, pending: 0 });
    return out.get(key)!;
  };
  for (const lot of await db.select().from(licenseLots)) {
    const pool = get(lot.virtualAccountId, lot.licenseDefinitionId);
    if (lot.status === "ACTIVE") pool.purchased += lot.quantity;
    pool.pending += lot.pendingQuantity;
  }
  const usage = await db
    .select({ pi: licenseUsage.productInstanceId, va: productInstances.virtualAccountId, lic: licenseUsage.licenseDefinitionId, count: licenseUsage.count })
    .from(licenseUsage)
    .innerJoin(productInstances, eq(productInstances.id, licenseUsage.productInstanceId));
  const maxPerPi = new Map<string, { va: string; lic: string; max: number }>();
  for (const u of usage) {
    const key = `${u.pi}|${u.lic}`;
    const prev = maxPerPi.get(key);
    maxPerPi.set(key, { va: u.va, lic: u.lic, max: Math.max(prev?.max ?? 0, u.count) });
  }
  for (const m of maxPerPi.values()) get(m.va, m.lic).inUse += m.max;
  return out;
}

async function snapshot(db: Db) {
  const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id).sort();
  return {
    users: await ids(db.select({ id: users.id }).from(users)),
    sas: await ids(db.select({ id: smartAccounts.id }).from(smartAccounts)),
    vas: await ids(db.select({ id: virtualAccounts.id }).from(virtualAccounts)),
    lots: await ids(db.select({ id: licenseLots.id }).from(licenseLots)),
    ledger: await ids(db.select({ id: licenseTransactions.id }).from(licenseTransactions)),
    pis: await ids(db.select({ id: productInstances.id }).from(productInstances)),
    auths: await ids(db.select({ id: authorizations.id }).from(authorizations)),
    paks: await ids(db.select({ id: paks.id }).from(paks)),
    events: (await db.select({ id: events.id, message: events.message, at: events.occurredAt }).from(events).orderBy(events.id)).map(
      (e) => `${e.id} ${e.at.toISOString()} ${e.message}`,
    ),
    vaNumbers: (await db.select({ n: virtualAccounts.vaNumericId }).from(virtualAccounts)).map((r) => r.n).sort(),
  };
}

describe.each(drivers)("seed modules (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { t0: false });
  let first: Awaited<ReturnType<typeof snapshot>>;

  it("loads the reference data idempotently", async () => {
    const before = await db.select().from(licenseDefinitions).orderBy(licenseDefinitions.id);
    await loadReferenceData(db);
    await loadReferenceData(db, { overwrite: true });
    expect(await db.$count(policies)).toBe(5);
    expect(await db.$count(licenseDefinitions)).toBe(43);
    expect(await db.$count(productMap)).toBe(11);
    expect(await db.$count(hsecMap)).toBe(3);
    expect(await db.$count(skuMap)).toBeGreaterThanOrEqual(12);
    expect(await db.select().from(licenseDefinitions).orderBy(licenseDefinitions.id)).toEqual(before);

    const [ciscoDefault] = await db.select().from(policies).where(eq(policies.isCiscoDefault, true));
    expect(ciscoDefault).toMatchObject({ name: "Cisco default", ackRequired: true, unpFirst: 365, unpChange: 90, unsFreq: 90, expFirst: 0 });
    const [slp] = await db.select().from(policies).where(eq(policies.id, policyId("SLP Policy")));
    expect(slp).toMatchObject({ enfFirst: null, enfFreq: 90, expFirst: null, unsFreq: 150 });

    const [dnaHsec] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(1)));
    expect(dnaHsec).toMatchObject({ shortTag: "DNA_HSEC", featureName: "hseck9", enforcement: "EXPORT_CONTROLLED" });
    const [isrHsec] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(14)));
    expect(isrHsec.upgradeToId).toBe(licenseId(1));
    expect(isrHsec.entitlementTag).toMatch(/^regid\.2020-01\.com\.cisco\.ISR_4400_Hsec,1\.0_[0-9a-f-]{36}$/);
    const [c9500] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(29)));
    expect(c9500.substitutesForId).toBe(licenseId(41));
    const [plr] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(23)));
    expect(plr.isPlr).toBe(true);
    const evalFeatures = (await db.select().from(skuMap).where(eq(skuMap.evalAllowed, true))).map((r) => r.featureName);
    expect(new Set(evalFeatures)).toEqual(new Set(["securityk9", "uc", "data"]));
  });

  it("seeds the demo data set", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    // As prepareDatabase and the reset do: the seed, then the DD-14 alerts (E-60) at T0.
    await db.transaction(async (tx) => {
      await seedDemo(tx, T0);
      await recomputeAllAlerts(tx, T0);
    });
    expect(await isDatabaseEmpty(db)).toBe(false);

    const allUsers = await db.select().from(users);
    expect(allUsers).toHaveLength(6);
    expect(allUsers.find((u) => u.ccoId === "lic-ops")?.licensingOps).toBe(true);
    expect(allUsers.filter((u) => u.licensingOps)).toHaveLength(1);
    expect(await verifyPassword("Demo123!", allUsers[0].passwordHash)).toBe(true);

    const sas = await db.select().from(smartAccounts);
    expect(sas.map((s) => [s.name, s.accountId]).sort()).toEqual([["BU Production Test", "402118"], ["Eg-SA-01", "402117"]]);
    expect(sas.find((s) => s.name === EG_SA)).toMatchObject({ reservationEnabled: true, plrEnabled: true });
    expect(await db.$count(roleAssignments)).toBe(8);
    expect(await db.$count(policyPublications)).toBe(4);
  });

  it("gives each Smart Account its VAs with exactly one default (INV-1)", async () => {
    const vas = await db.select().from(virtualAccounts);
    expect(vas).toHaveLength(10);
    for (const [sa, count] of [[EG_SA, 8], [BU_SA, 2]] as const) {
      const own = vas.filter((v) => v.smartAccountId === saId(sa));
      expect(own).toHaveLength(count);
      expect(own.filter((v) => v.isDefault)).toHaveLength(1);
    }
    expect(vas.find((v) => v.isDefault && v.smartAccountId === saId(EG_SA))?.name).toBe("Eg-VA-01");
    expect(vas.find((v) => v.name === "Eg-VA-01")?.policyId).toBe(policyId("SLP Policy"));
    expect(new Set(vas.map((v) => v.vaNumericId)).size).toBe(10);
  });

  it("places the DD-6 product instances", async () => {
    const egVa01 = await db.select().from(productInstances).where(eq(productInstances.virtualAccountId, vaId(EG_SA, "Eg-VA-01")));
    expect(egVa01).toHaveLength(25);
    const br = egVa01.find((p) => p.udiSn === "FDO2250A0J5")!;
    expect(br).toMatchObject({ hostname: "br-rtr-01", hostnameShared: true, productType: "CAT8300" });
    const dna = egVa01.find((p) => p.udiPid === "DN2-HW-APL")!;
    expect(dna).toMatchObject({ hostnameShared: true, productType: "DNASW", firstConsumedAt: null });
    expect(egVa01.filter((p) => p.udiPid === "ISR4451-X/K9")).toHaveLength(15);

    const all = await db.select().from(productInstances);
    expect(all.filter((p) => p.channel === "ON_PREM").map((p) => p.udiSn).sort()).toEqual(["FOC2334W0K5", "FOC2517L8KW"]);
    expect(all.find((p) => p.udiSn === "CAT2344L4GH")?.haMembers).toHaveLength(2);
    expect(all.find((p) => p.udiSn === "93POM8FF9IZ")?.utilityMode).toBe(true);
    expect(all.find((p) => p.udiSn === "96QKIABBZ1H")?.reservation).toBe("PLR");

    const auths = await db.select().from(authorizations);
    expect(auths.map((a) => a.kind).sort()).toEqual(["PLR", "SLAC", "SLAC", "SLAC", "SLAC", "SLR", "SLR"]);
    expect(auths.every((a) => a.status === "INSTALLED" && a.codeText === null)).toBe(true);
    expect(auths.find((a) => a.kind === "PLR")?.plrVersion).toBe(2);
    expect(auths.find((a) => a.productInstanceId === piId("CSR1000V", "95QS2T1KUJX"))?.kind).toBe("SLR");
  });

  it("holds the DD-5 pools and balances", async () => {
    const p = await pools(db);
    const seen = new Set<string>();
    for (const [sa, va, n, purchased, inUse, pending = 0] of EXPECTED) {
      const key = `${vaId(sa, va)}|${licenseId(n)}`;
      seen.add(key);
      expect({ va, n, ...(p.get(key) ?? {}) }).toEqual({ va, n, purchased, inUse, pending });
    }
    const extra = [...p.entries()].filter(([k, v]) => !seen.has(k) && (v.purchased || v.inUse || v.pending));
    expect(extra).toEqual([]);
    const krakow30 = p.get(`${vaId(EG_SA, "Krakow LAN-SW")}|${licenseId(30)}`)!;
    expect(krakow30.purchased - krakow30.inUse).toBe(-1);
  });

  it("keeps every lot equal to the sum of its ledger rows (INV-5)", async () => {
    const lots = await db.select().from(licenseLots);
    const ledger = await db.select().from(licenseTransactions);
    for (const lot of lots) {
      const rows = ledger.filter((t) => t.lotId === lot.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.reduce((s, t) => s + t.delta, 0)).toBe(lot.quantity);
    }
    const expired = lots.find((l) => l.status === "EXPIRED")!;
    expect(expired).toMatchObject({ quantity: 0, expiredQuantity: 5 });
    const pending = lots.find((l) => l.pendingQuantity > 0)!;
    expect(pending).toMatchObject({ quantity: 0, pendingQuantity: 1, sku: "DNA-HSEC-UPGD=" });
    expect(lots.filter((l) => l.source === "PAK_CONVERSION")).toHaveLength(1);
    expect(await db.$count(orders)).toBeGreaterThan(10);
    expect(await db.$count(conversions)).toBe(1);
    const converted = await db.select().from(pakLines).where(eq(pakLines.sku, "SLASR1-AIS"));
    expect(converted[0].qtyConverted).toBe(4);
  });

  it("writes an event history in time order", async () => {
    const rows = await db.select().from(events).orderBy(events.id);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].occurredAt.getTime()).toBeGreaterThanOrEqual(rows[i - 1].occurredAt.getTime());
    }
    const egVa01 = vaId(EG_SA, "Eg-VA-01");
    const vaLog = rows.filter((e) => e.vaIds.includes(egVa01) && e.shownIn.includes("VA"));
    expect(vaLog.length).toBeGreaterThan(25);
    expect(rows.filter((e) => e.type === "E-53b")).toHaveLength(2);
    expect(rows.filter((e) => e.type === "E-40")).toHaveLength(1);
    expect(rows.every((e) => e.occurredAt.getTime() <= T0.getTime())).toBe(true);
  });

  it("resets to empty, keeping the reference data and signing keys", async () => {
    first = await snapshot(db);
    // The seed signs (F-11 files), so a key exists already; the extra one is retired, as it signs nothing.
    const keys = await db.$count(signingKeys);
    await db.insert(signingKeys).values({ keyId: "k1", privatePem: Buffer.from("x"), publicPem: "pem", retiredAt: new Date() });
    await db.insert(policies).values({ name: "Temporary Policy" });
    await db.update(licenseDefinitions).set({ displayName: "Changed" }).where(eq(licenseDefinitions.id, licenseId(1)));

    await resetDemoData(db, "empty", T0);
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.$count(users)).toBe(0);
    expect(await db.$count(events)).toBe(0);
    expect(await db.$count(policies)).toBe(5);
    expect(await db.$count(licenseDefinitions)).toBe(43);
    expect(await db.$count(signingKeys)).toBe(keys + 1);
    const [dnaHsec] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(1)));
    expect(dnaHsec.displayName).toBe("Router US Export Lic. for DNA");
  });

  it("reseeds the demo data identically", async () => {
    await resetDemoData(db, "demo", T0);
    expect(await snapshot(db)).toEqual(first);
  });
});

