import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { alerts, authorizations, events, licenseUsage, productInstances, rumReports } from "@/db/schema";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { eventFilterSchema, queryEvents } from "@/lib/events/query";
import type { Actor } from "@/lib/events/record";
import { getProductInstanceDetail } from "@/lib/inventory/detail";
import { piDisplayName } from "@/lib/inventory/display-name";
import { alertsCell, listProductInstances } from "@/lib/inventory/list";
import { removeProductInstance, V16B_RETURN_FIRST } from "@/lib/inventory/remove";
import { piListSchema } from "@/lib/inventory/schemas";
import { transferProductInstance, V16_SAME_ACCOUNT } from "@/lib/inventory/transfer";
import { computeBalances } from "@/lib/licensing/balances";
import { DEMO_PRODUCT_INSTANCES } from "@/lib/seed/demo";
import { BU_SA, EG_SA, piId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const BU_DEVICE = vaId(BU_SA, "Device");

const FILLER = piId("ISR4451-X/K9", "FOC2033A7B0");
const SLR_PI = piId("C1111-8PLTEEAWB", "FGL214391JK");
const PLR_PI = piId("C8000V", "96QKIABBZ1H");
const SLAC_PI = piId("ISR4461/K9", "FDO222815Y4");
const CSR_SLR_PI = piId("CSR1000V", "95QS2T1KUJX");
const PLAIN_PI = piId("C8200-1N-4T", "FGL2447LGZ1");
const KRAKOW_PI = piId("C9300-24UX", "FCW2303D16Y");
const TEST_UUID = "4c4c4544-0042-3510-8051-b4c04f4a3232";

const actorOf = (ctx: AccessContext): Actor => ({ kind: "user", userId: ctx.user.id, ccoId: ctx.user.ccoId });

describe.each(drivers)("[INVENTORY] product instances (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);
  const ctx: Record<string, AccessContext> = {};
  const list = (who: string, input: Record<string, unknown>) => listProductInstances(db, ctx[who], piListSchema.parse(input));
  const transfer = (who: string, productInstanceId: string, from: string, target: string) =>
    db.transaction((tx) =>
      transferProductInstance(tx, ctx[who], actorOf(ctx[who]), { productInstanceId, fromVirtualAccountId: from, targetVirtualAccountId: target }),
    );
  const remove = (who: string, productInstanceId: string, from: string) =>
    db.transaction((tx) => removeProductInstance(tx, ctx[who], actorOf(ctx[who]), { productInstanceId, fromVirtualAccountId: from }));
  const balance = async (va: string, n: number) =>
    (await computeBalances(db, [va])).find((r) => r.licenseDefinitionId === licenseId(n)) ?? { inUse: 0, balance: 0 };

  beforeAll(async () => {
    await db.update(productInstances).set({ uuid: TEST_UUID }).where(eq(productInstances.id, piId("C8300-1N1S-4T2X", "FDO2250A0J5")));
    const alert = (severity: "MAJOR" | "MINOR" | "INFORMATIONAL", key: string, extra: Partial<typeof alerts.$inferInsert> = {}) => ({
      smartAccountId: saId(EG_SA),
      virtualAccountId: VA01,
      productInstanceId: PLAIN_PI,
      type: "REPORTING_OVERDUE" as const,
      severity,
      message: key,
      dedupeKey: key,
      raisedAt: T0,
      ...extra,
    });
    await db.insert(alerts).values([
      alert("MAJOR", "a1"),
      alert("MAJOR", "a2"),
      alert("MINOR", "a3"),
      alert("INFORMATIONAL", "a4"),
      alert("MINOR", "a5", { clearedAt: T0 }),
      alert("INFORMATIONAL", "a6", { dismissedAt: T0 }),
    ]);
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-vauser", "eg-viewer", "bu-admin"]) ctx[cco] = (await loadAccess(db, userId(cco)))!;
  });

  describe("S-15 list", () => {
    it("pages the 25 instances of Eg-VA-01, 10 at a time, by display name ascending", async () => {
      const page1 = await list("eg-admin", { va: VA01 });
      expect(page1).toMatchObject({ total: 25, page: 1, pageCount: 3, pageSize: 10, canTransfer: true, canRemove: true });
      expect(page1.rows).toHaveLength(10);
      const expected = DEMO_PRODUCT_INSTANCES.filter((p) => p.va === "Eg-VA-01")
        .map((p) => piDisplayName({ udiPid: p.pid, udiSn: p.sn, hostname: p.hostname ?? null, hostnameShared: p.hostnameShared ?? false }))
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
      const page3 = await list("eg-admin", { va: VA01, page: 3 });
      expect(page3.rows).toHaveLength(5);
      const all = await list("eg-admin", { va: VA01, pageSize: 25 });
      expect(all.rows.map((r) => r.name)).toEqual(expected);
      expect(all.pageCount).toBe(1);
      expect([...page1.rows, ...(await list("eg-admin", { va: VA01, page: 2 })).rows, ...page3.rows].map((r) => r.name)).toEqual(expected);
      // P-19: a shared hostname is the name; a private one is not.
      expect(expected).toContain("br-rtr-01");
      expect(expected).toContain("UDI_PID:ISR4461/K9; UDI_SN:FDO222815Y4;");
    });

    it("sorts by any column, both ways", async () => {
      const desc = await list("eg-admin", { va: VA01, pageSize: 25, dir: "desc" });
      const asc = await list("eg-admin", { va: VA01, pageSize: 25 });
      expect(desc.rows.map((r) => r.name)).toEqual(asc.rows.map((r) => r.name).reverse());
      const byType = await list("eg-admin", { va: VA01, pageSize: 25, sort: "productType" });
      const types = byType.rows.map((r) => r.productType.toLowerCase());
      expect(types).toEqual([...types].sort());
      const byContact = await list("eg-admin", { va: VA01, pageSize: 25, sort: "lastContact", dir: "desc" });
      const times = byContact.rows.map((r) => r.lastContactAt!.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const byAlerts = await list("eg-admin", { va: VA01, sort: "alerts", dir: "desc" });
      expect(byAlerts.rows[0].id).toBe(PLAIN_PI);
    });

    it("shows the P-12 alerts cell and the reservation of each row", async () => {
      const all = await list("eg-admin", { va: VA01, pageSize: 25 });
      const byId = new Map(all.rows.map((r) => [r.id, r]));
      expect(byId.get(PLAIN_PI)!.alerts).toBe("2 Major, 1 Minor, 1 Informational");
      expect(byId.get(FILLER)!.alerts).toBe("");
      expect(byId.get(SLR_PI)!.reservation).toBe("SLR");
      expect(byId.get(PLR_PI)).toMatchObject({ reservation: "PLR", plrVersion: 2 });
      expect(byId.get(SLAC_PI)!.reservation).toBe("NONE");
      expect(alertsCell({ major: 0, minor: 3, informational: 0 })).toBe("3 Minor");
    });

    it("searches display name, hostname, PID, SN, product type and UUID, case-insensitively", async () => {
      const serial = await list("eg-admin", { va: VA01, q: "foc203", pageSize: 25 });
      expect(serial.total).toBe(15);
      expect(serial.rows.every((r) => r.name.includes("FOC2033A7B"))).toBe(true);
      expect((await list("eg-admin", { va: VA01, q: TEST_UUID.toUpperCase() })).rows.map((r) => r.name)).toEqual(["br-rtr-01"]);
      expect((await list("eg-admin", { va: VA01, q: "4400isr" })).total).toBe(16);
      expect((await list("eg-admin", { va: VA01, q: "ISR4461" })).total).toBe(1);
      // hostname `isr4461` is not shared, yet it is searchable
      expect((await list("eg-admin", { va: VA01, q: "BR-RTR" })).total).toBe(1);
      expect((await list("eg-admin", { va: VA01, q: "UDI_SN:FGL2447" })).total).toBe(1);
      // `%` and `_` are literal
      expect((await list("eg-admin", { va: VA01, q: "%" })).total).toBe(0);
      expect((await list("eg-admin", { va: VA01, q: "FOC2033_7B" })).total).toBe(0);
      expect((await list("eg-admin", { va: VA01, q: "no such device" })).rows).toEqual([]);
    });

    it("answers not-found for another account's VA and lists for a VA viewer", async () => {
      await expect(list("bu-admin", { va: VA01 })).rejects.toThrow(NotFoundError);
      await expect(list("eg-vauser", { va: VA02 })).rejects.toThrow(NotFoundError);
      const viewer = await list("eg-viewer", { va: VA01 });
      expect(viewer).toMatchObject({ total: 25, canTransfer: false, canRemove: false });
      expect(await list("eg-vauser", { va: KRAKOW })).toMatchObject({ canTransfer: false, canRemove: false });
    });
  });

  describe("S-16 detail", () => {
    it("gives the General block, License Usage and Authorizations", async () => {
      const d = await getProductInstanceDetail(db, ctx["eg-admin"], CSR_SLR_PI);
      expect(d.name).toBe("UDI_PID:CSR1000V; UDI_SN:95QS2T1KUJX;");
      expect(d.virtualAccount.name).toBe("Eg-VA-01");
      expect(d.pi.softwareVersion).toBe("17.3.4a");
      expect(typeof d.policy).toBe("string");
      expect(d.licenseUsage).toHaveLength(2);
      expect(d.licenseUsage.every((u) => u.required === 1)).toBe(true);
      expect(d.authorizations).toEqual([expect.objectContaining({ kind: "SLR", status: "INSTALLED" })]);
      const dna = await getProductInstanceDetail(db, ctx["eg-admin"], piId("DN2-HW-APL", "FCH2244V1AB"));
      expect(dna.pi.firstConsumedAt).toBeNull();
      expect(dna.licenseUsage).toEqual([]);
    });

    it("answers not-found for another account's instance or a VA the user cannot see", async () => {
      await expect(getProductInstanceDetail(db, ctx["bu-admin"], SLAC_PI)).rejects.toThrow(NotFoundError);
      await expect(getProductInstanceDetail(db, ctx["eg-vaadmin"], KRAKOW_PI)).rejects.toThrow(NotFoundError);
      await expect(getProductInstanceDetail(db, ctx["eg-admin"], "not-a-uuid")).rejects.toThrow(NotFoundError);
    });
  });

  describe("W-8 transfer", () => {
    it("moves the instance and its usage, and writes E-11 in both VAs and the PI log", async () => {
      const before01 = await balance(VA01, 19);
      const before02 = await balance(VA02, 19);
      const result = await transfer("eg-vaadmin", FILLER, VA01, VA02);
      expect(result).toMatchObject({ virtualAccountId: VA02, virtualAccountName: "Eg-VA-02" });
      expect((await balance(VA01, 19)).inUse).toBe(before01.inUse - 1);
      expect((await balance(VA02, 19)).inUse).toBe(before02.inUse + 1);
      expect((await list("eg-admin", { va: VA01 })).total).toBe(24);
      expect((await list("eg-admin", { va: VA02, q: "FOC2033A7B0" })).total).toBe(1);

      const message = 'Product instance "UDI_PID:ISR4451-X/K9; UDI_SN:FOC2033A7B0;" was transferred from "Eg-VA-01" to "Eg-VA-02".';
      for (const va of [VA01, VA02]) {
        const log = await queryEvents(db, ctx["eg-admin"], eventFilterSchema.parse({ scope: "va", id: va }));
        expect(log.rows[0]).toMatchObject({ message, actorLabel: "eg-vaadmin", type: "E-11" });
      }
      const piLog = await queryEvents(db, ctx["eg-admin"], eventFilterSchema.parse({ scope: "pi", id: FILLER }));
      expect(piLog.rows.map((r) => r.message)).toEqual([message]);
      // E-33 only for reserved instances
      expect(await db.select().from(events).where(and(eq(events.type, "E-33"), eq(events.productInstanceId, FILLER)))).toEqual([]);
    });

    it("moves a reservation with the instance and writes E-33", async () => {
      await transfer("eg-admin", SLR_PI, VA01, VA02);
      const [auth] = await db.select().from(authorizations).where(eq(authorizations.productInstanceId, SLR_PI));
      expect(auth.status).toBe("INSTALLED");
      expect((await balance(VA02, 3)).inUse).toBeGreaterThanOrEqual(1);
      const e33 = await queryEvents(db, ctx["eg-admin"], eventFilterSchema.parse({ scope: "va", id: VA02, q: "Reserved licenses of" }));
      expect(e33.rows.map((r) => r.message)).toEqual([
        'Reserved licenses of PID:C1111-8PLTEEAWB,SN:FGL214391JK moved with the product instance to "Eg-VA-02".',
      ]);
      const e33src = await queryEvents(db, ctx["eg-admin"], eventFilterSchema.parse({ scope: "va", id: VA01, q: "Reserved licenses of" }));
      expect(e33src.total).toBe(1);
      // and back, for the later tests
      await transfer("eg-admin", SLR_PI, VA02, VA01);
    });

    it("refuses another account, a non-writable target, a viewer and a stale page", async () => {
      await expect(transfer("bu-admin", PLAIN_PI, VA01, BU_DEVICE)).rejects.toThrow(NotFoundError);
      await expect(transfer("eg-admin", PLAIN_PI, VA01, BU_DEVICE)).rejects.toThrow(V16_SAME_ACCOUNT);
      await expect(transfer("eg-vauser", PLAIN_PI, VA01, KRAKOW)).rejects.toThrow(V16_SAME_ACCOUNT);
      await expect(transfer("eg-vauser", PLAIN_PI, VA01, KRAKOW)).rejects.toBeInstanceOf(ValidationError);
      await expect(transfer("eg-viewer", PLAIN_PI, VA01, VA02)).rejects.toThrow(PERMISSION_DENIED);
      await expect(transfer("eg-viewer", PLAIN_PI, VA01, VA02)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(transfer("eg-vauser", KRAKOW_PI, KRAKOW, VA01)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(transfer("eg-admin", PLAIN_PI, VA02, KRAKOW)).rejects.toThrow(STALE_ITEM);
      await expect(transfer("eg-admin", "00000000-0000-4000-8000-000000000000", VA01, VA02)).rejects.toThrow(STALE_ITEM);
      const [pi] = await db.select().from(productInstances).where(eq(productInstances.id, PLAIN_PI));
      expect(pi.virtualAccountId).toBe(VA01);
    });
  });

  describe("W-9 remove", () => {
    it("refuses an instance with an installed SLAC, SLR or PLR (V-16b)", async () => {
      for (const id of [SLAC_PI, SLR_PI, PLR_PI, CSR_SLR_PI]) {
        await expect(remove("eg-admin", id, VA01)).rejects.toThrow(V16B_RETURN_FIRST);
      }
      expect((await list("eg-admin", { va: VA01 })).total).toBe(24);
    });

    it("refuses a viewer and another account", async () => {
      await expect(remove("eg-viewer", PLAIN_PI, VA01)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(remove("bu-admin", PLAIN_PI, VA01)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("deletes a plain instance, returns its licenses and writes E-12; its RUM reports stay detached", async () => {
      await db.insert(rumReports).values({
        smartAccountId: saId(EG_SA),
        virtualAccountId: VA01,
        productInstanceId: PLAIN_PI,
        udiPid: "C8200-1N-4T",
        udiSn: "FGL2447LGZ1",
        reportId: 42,
        signatureStatus: "VERIFIED",
        status: "ACK",
        receivedVia: "UPLOAD",
        receivedAt: T0,
      });
      const before = await balance(VA01, 21);
      await remove("eg-vauser", PLAIN_PI, VA01);
      const after = await balance(VA01, 21);
      expect(after.balance).toBe(before.balance + 1);
      expect(after.inUse).toBe(before.inUse - 1);
      expect(await db.select().from(productInstances).where(eq(productInstances.id, PLAIN_PI))).toEqual([]);
      expect(await db.select().from(licenseUsage).where(eq(licenseUsage.productInstanceId, PLAIN_PI))).toEqual([]);
      const [report] = await db.select().from(rumReports).where(eq(rumReports.reportId, 42));
      expect(report.productInstanceId).toBeNull();
      const log = await queryEvents(db, ctx["eg-admin"], eventFilterSchema.parse({ scope: "va", id: VA01 }));
      expect(log.rows[0]).toMatchObject({
        type: "E-12",
        actorLabel: "eg-vauser",
        message: 'Product instance "UDI_PID:C8200-1N-4T; UDI_SN:FGL2447LGZ1;" was removed; its licenses returned to the pool.',
      });
      expect((await list("eg-admin", { va: VA01 })).total).toBe(23);
      // A second remove of the same row finds it gone (V-3).
      await expect(remove("eg-admin", PLAIN_PI, VA01)).rejects.toThrow(STALE_ITEM);
      const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(alerts).where(eq(alerts.productInstanceId, PLAIN_PI));
      expect(n).toBe(0);
    });
  });
});
