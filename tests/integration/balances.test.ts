import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { computeBalances } from "@/lib/licensing/balances";
import { seedDemo } from "@/lib/seed/demo";
import { EG_SA, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers, openTestDb } from "@/tests/helpers/db";

const T0 = new Date("2024-03-10T12:00:00Z");

describe.each(drivers)("INV-2 balances on the demo data (%s)", (driver) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await openTestDb(driver);
    await h.db.transaction((tx) => seedDemo(tx, T0));
  });
  afterAll(() => h.close());

  async function balanceOf(va: string, n: number) {
    const rows = await computeBalances(h.db, [vaId(EG_SA, va)]);
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
});
