import { describe, expect, it } from "vitest";
import { licenseUsage, productInstances } from "@/db/schema";
import { computeBalances } from "@/lib/licensing/balances";
import { EG_SA, saId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

describe.each(drivers)("INV-2 balances on the demo data (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);

  async function balanceOf(va: string, n: number) {
    const rows = await computeBalances(db, [vaId(EG_SA, va)]);
    return rows.find((r) => r.licenseDefinitionId === licenseId(n));
  }

  it("matches DD-5 for shortages, surpluses and pending lots", async () => {
    expect(await balanceOf("Eg-VA-01", 3)).toMatchObject({ purchased: 1, inUse: 2, balance: -1 });
    expect(await balanceOf("Eg-VA-01", 19)).toMatchObject({ purchased: 20, inUse: 16, balance: 4 });
    expect(await balanceOf("Eg-VA-01", 2)).toMatchObject({ purchased: 0, inUse: 1, balance: -1 });
    expect(await balanceOf("Krakow LAN-SW", 30)).toMatchObject({ purchased: 3, inUse: 4, balance: -1 });
    expect(await balanceOf("Eg-VA-02", 1)).toMatchObject({ purchased: 1, pending: 1, inUse: 0, balance: 1 });
    expect(await balanceOf("Branch-Routers", 38)).toMatchObject({ purchased: 10, balance: 10 });
  });

  it("counts an instance once per license even when a reservation covers its reported use (D-10)", async () => {
    expect(await balanceOf("Eg-VA-01", 4)).toMatchObject({ purchased: 1, inUse: 2, balance: -1 });
    expect(await balanceOf("Eg-VA-01", 1)).toMatchObject({ purchased: 3, inUse: 2, balance: 1 });
  });

  it("takes each instance's largest count across sources, whatever the counts (D-10)", async () => {
    const lab = vaId(EG_SA, "Lab-01");
    const pis = await db
      .insert(productInstances)
      .values(
        ["LAB0000001", "LAB0000002", "LAB0000003"].map((sn, i) => ({
          virtualAccountId: i < 2 ? lab : vaId(EG_SA, "CORE TAC"),
          smartAccountId: saId(EG_SA),
          udiPid: "C8000V",
          udiSn: sn,
          registrationDate: T0,
        })),
      )
      .returning();
    const use = (pi: number, source: "REPORTED" | "SLR" | "SLAC", count: number) => ({
      productInstanceId: pis[pi].id,
      licenseDefinitionId: licenseId(19),
      source,
      count,
      updatedAt: T0,
    });
    await db.insert(licenseUsage).values([use(0, "REPORTED", 3), use(0, "SLR", 5), use(0, "SLAC", 1), use(1, "SLAC", 2), use(2, "SLR", 4), use(2, "REPORTED", 9)]);
    expect(await balanceOf("Lab-01", 19)).toMatchObject({ purchased: 0, inUse: 7, balance: -7 });
    expect(await balanceOf("CORE TAC", 19)).toMatchObject({ inUse: 9 });
    // Both VAs at once give the same answers.
    const both = await computeBalances(db, [lab, vaId(EG_SA, "CORE TAC")]);
    expect(both.filter((b) => b.licenseDefinitionId === licenseId(19)).map((b) => b.inUse).sort()).toEqual([7, 9]);
  });
});
