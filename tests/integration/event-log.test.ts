import { beforeAll, describe, expect, it } from "vitest";
import { events, saUserStatus } from "@/db/schema";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { ForbiddenError, NotFoundError } from "@/lib/access/errors";
import { SYSTEM, recordEvent, userColumn } from "@/lib/events/record";
import { type EventFilter, eventFilterSchema, queryEvents } from "@/lib/events/query";
import { BU_SA, EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const LAB = vaId(EG_SA, "Lab-01");
const BU_DEVICE = vaId(BU_SA, "Device");

type Row = typeof events.$inferSelect;

describe.each(drivers)("§7 event log queries (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);
  let all: Row[];
  const ctx: Record<string, AccessContext> = {};

  const filter = (input: Record<string, unknown>): EventFilter => eventFilterSchema.parse(input);
  /** The expected ids, newest first (ties: higher id first), of the events that match `keep`. */
  const expectedIds = (keep: (e: Row) => boolean) =>
    all
      .filter(keep)
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id)
      .map((e) => e.id);
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  const inVaLog = (va: string) => (e: Row) => e.shownIn.includes("VA") && e.vaIds.includes(va);
  const inActivity = (sa: string) => (e: Row) => e.smartAccountId === sa && (e.shownIn.includes("SA") || e.shownIn.includes("VA"));
  const contains = (q: string) => (e: Row) => e.message.toLowerCase().includes(q.toLowerCase());

  beforeAll(async () => {
    // A few events with LIKE wildcards in their text, and one shown in the SA log only.
    await db.transaction(async (tx) => {
      await recordEvent(tx, {
        type: "E-60",
        params: { alert: "Usage of Eg-VA-01 at 100% of quota_limit" },
        actor: SYSTEM,
        smartAccountId: EG,
        virtualAccountId: VA01,
        occurredAt: new Date("2024-03-10T12:30:00Z"),
      });
      await recordEvent(tx, {
        type: "E-60",
        params: { alert: "Lab back\\slash check" },
        actor: SYSTEM,
        smartAccountId: EG,
        virtualAccountId: LAB,
        occurredAt: new Date("2024-03-10T12:31:00Z"),
      });
      await recordEvent(tx, {
        type: "E-13",
        params: { pi: "sim-rtr-01", va: "Eg-VA-01", channel: "the device" },
        actor: { kind: "device", udi: "PID:C8300-1N1S-6T,SN:SIM0001" },
        smartAccountId: EG,
        virtualAccountId: VA01,
        occurredAt: new Date("2024-03-10T11:00:00Z"),
      });
      await recordEvent(tx, {
        type: "E-3",
        params: { va: "Old-Lab" },
        actor: { kind: "user", userId: userId("eg-admin"), ccoId: "eg-admin" },
        smartAccountId: EG,
        virtualAccountId: VA01,
        occurredAt: new Date("2024-03-10T12:32:00Z"),
      });
    });
    all = await db.select().from(events);
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-vauser", "eg-viewer", "lic-ops", "bu-admin"]) {
      ctx[cco] = (await loadAccess(db, userId(cco)))!;
    }
  });

  describe("scope va (S-20)", () => {
    it("lists the VA's events newest first, 10 a page by default", async () => {
      const expected = expectedIds(inVaLog(VA01));
      expect(expected.length).toBeGreaterThan(25);
      const page1 = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01 }));
      expect(page1.total).toBe(expected.length);
      expect(page1.pageCount).toBe(Math.ceil(expected.length / 10));
      expect(page1.smartAccountName).toBe(EG_SA);
      expect(ids(page1.rows)).toEqual(expected.slice(0, 10));
      const times = page1.rows.map((r) => r.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // The newest is the alert added above (the later E-3 is shown in the SA log only).
      expect(page1.rows[0]).toEqual({
        id: expect.any(Number),
        type: "E-60",
        message: "Alert raised: Usage of Eg-VA-01 at 100% of quota_limit.",
        occurredAt: new Date("2024-03-10T12:30:00Z"),
        actorLabel: "System",
        userId: null,
      });
    });

    it("pages through every event exactly once", async () => {
      const expected = expectedIds(inVaLog(VA01));
      for (const pageSize of [10, 25, 50, 100]) {
        const first = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, pageSize }));
        const seen: number[] = [];
        for (let page = 1; page <= first.pageCount; page++) {
          const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, pageSize, page }));
          expect(r.rows.length).toBe(page < first.pageCount ? pageSize : expected.length - pageSize * (first.pageCount - 1));
          seen.push(...ids(r.rows));
        }
        expect({ pageSize, seen }).toEqual({ pageSize, seen: expected });
        expect(first.pageCount).toBe(Math.max(1, Math.ceil(expected.length / pageSize)));
      }
      const beyond = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, page: 99 }));
      expect(beyond.rows).toEqual([]);
      expect(beyond.total).toBe(expected.length);
      const everything = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, page: 2 }), { all: true });
      expect(ids(everything.rows)).toEqual(expected);
    });

    it("omits events of the VA that are shown in the SA log only", async () => {
      const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "Old-Lab" }));
      expect(r.total).toBe(0);
      const sa = await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG, q: "Old-Lab" }));
      expect(sa.rows.map((e) => e.message)).toEqual(['Virtual account "Old-Lab" was removed.']);
    });

    it("accepts only the S-0 page sizes and pages from 1", () => {
      expect(eventFilterSchema.safeParse({ scope: "va", id: VA01, pageSize: 20 }).success).toBe(false);
      expect(eventFilterSchema.safeParse({ scope: "va", id: VA01, page: 0 }).success).toBe(false);
      expect(eventFilterSchema.safeParse({ scope: "va", id: VA01, category: "Everything" }).success).toBe(false);
      expect(eventFilterSchema.safeParse({ scope: "va", id: "not-a-uuid" }).success).toBe(false);
      expect(filter({ scope: "va", id: VA01, pageSize: "25", page: "3" })).toMatchObject({ pageSize: 25, page: 3 });
      expect(filter({ scope: "va", id: VA01 })).toMatchObject({ pageSize: 10, page: 1 });
    });

    it("filters by §7 category", async () => {
      const accounts = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, category: "Accounts & Users", pageSize: 100 }));
      const expected = expectedIds((e) => inVaLog(VA01)(e) && e.category === "Accounts & Users");
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(accounts.rows)).toEqual(expected);
      expect(accounts.rows.map((r) => r.message)).toContain('Virtual account "DEFAULT" was renamed to "Eg-VA-01".');
      expect(accounts.rows.every((r) => ["E-1", "E-2", "E-4"].includes(r.type))).toBe(true);

      const system = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, category: "System", pageSize: 100 }));
      expect(ids(system.rows)).toEqual(expectedIds((e) => inVaLog(VA01)(e) && e.category === "System"));
      expect(system.rows.map((r) => r.message)).toContain("Alert raised: Usage of Eg-VA-01 at 100% of quota_limit.");

      const none = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: LAB, category: "Conversion" }));
      expect(none).toMatchObject({ rows: [], total: 0, pageCount: 1 });
    });

    it("searches messages case-insensitively, as substrings", async () => {
      const lower = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "renamed", pageSize: 100 }));
      const upper = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "  RENAMED ", pageSize: 100 }));
      const expected = expectedIds((e) => inVaLog(VA01)(e) && contains("renamed")(e));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(lower.rows)).toEqual(expected);
      expect(ids(upper.rows)).toEqual(expected);
      const mixed = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "eG-vA-01", pageSize: 100 }));
      expect(ids(mixed.rows)).toEqual(expectedIds((e) => inVaLog(VA01)(e) && contains("eg-va-01")(e)));
      expect(mixed.total).toBeGreaterThan(0);
    });

    it("treats % _ and \\ in the search as literal characters", async () => {
      const percent = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "%" }));
      expect(percent.rows.map((r) => r.message)).toEqual(["Alert raised: Usage of Eg-VA-01 at 100% of quota_limit."]);
      expect((await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "100%" }))).total).toBe(1);
      expect((await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, q: "0%o" }))).total).toBe(0);
      for (const q of ["_", "a_l", "%%", "\\"]) {
        const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG, q, pageSize: 100 }));
        expect({ q, ids: ids(r.rows) }).toEqual({ q, ids: expectedIds((e) => inActivity(EG)(e) && contains(q)(e)).slice(0, 100) });
      }
      expect((await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG, q: "a_l" }))).total).toBe(1);
      expect((await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG, q: "\\" }))).rows.map((r) => r.message)).toEqual([
        "Alert raised: Lab back\\slash check.",
      ]);
    });

    it("combines category and search", async () => {
      const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, category: "System", q: "quota" }));
      expect(r.total).toBe(1);
      const r2 = await queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: VA01, category: "Tokens", q: "quota" }));
      expect(r2.total).toBe(0);
    });

    it("shows the User column as the CCO id, System, or blank for devices", async () => {
      const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG }), { all: true });
      const byType = (type: string) => r.rows.find((e) => e.type === type)!;
      expect(userColumn(byType("E-60"))).toBe("System");
      expect(userColumn(byType("E-3"))).toBe("eg-admin");
      expect(byType("E-3").userId).toBe(userId("eg-admin"));
      const device = r.rows.find((e) => e.type === "E-13" && e.message.includes("sim-rtr-01"))!;
      expect(device).toMatchObject({ userId: null, actorLabel: "PID:C8300-1N1S-6T,SN:SIM0001" });
      expect(userColumn(device)).toBe("");
    });

    it("lets VA-scope users read their VAs and nothing else", async () => {
      const krakow = await queryEvents(db, ctx["eg-vauser"], filter({ scope: "va", id: KRAKOW, pageSize: 100 }));
      expect(ids(krakow.rows)).toEqual(expectedIds(inVaLog(KRAKOW)));
      await expect(queryEvents(db, ctx["eg-vauser"], filter({ scope: "va", id: VA02 }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(queryEvents(db, ctx["eg-vaadmin"], filter({ scope: "va", id: LAB }))).rejects.toBeInstanceOf(NotFoundError);
      const viewer = await queryEvents(db, ctx["eg-viewer"], filter({ scope: "va", id: LAB, pageSize: 100 }));
      expect(ids(viewer.rows)).toEqual(expectedIds(inVaLog(LAB)));
    });

    it("answers another account's VA as not found", async () => {
      await expect(queryEvents(db, ctx["bu-admin"], filter({ scope: "va", id: VA01 }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(queryEvents(db, ctx["eg-vauser"], filter({ scope: "va", id: BU_DEVICE }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(queryEvents(db, ctx["eg-admin"], filter({ scope: "va", id: "00000000-0000-4000-8000-000000000000" }))).rejects.toBeInstanceOf(NotFoundError);
    });

    it("answers a request without an account id as not found, for va and sa scopes", async () => {
      await expect(queryEvents(db, ctx["eg-admin"], filter({ scope: "va" }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(queryEvents(db, ctx["eg-admin"], filter({ scope: "sa" }))).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("scope sa (S-32 Activity)", () => {
    it("shows an SA-scope user every SA and VA event of the account", async () => {
      const expected = expectedIds(inActivity(EG));
      const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG }), { all: true });
      expect(ids(r.rows)).toEqual(expected);
      expect(r.total).toBe(expected.length);
      expect(r.rows.some((e) => e.type === "E-50")).toBe(true);
      expect(r.rows.some((e) => e.type === "E-53b")).toBe(true);
      // Licensing Ops and SA viewers see the same.
      expect(ids((await queryEvents(db, ctx["lic-ops"], filter({ scope: "sa", id: EG }), { all: true })).rows)).toEqual(expected);
      expect(ids((await queryEvents(db, ctx["eg-viewer"], filter({ scope: "sa", id: EG }), { all: true })).rows)).toEqual(expected);
      // No event of the other account.
      expect(all.filter((e) => e.smartAccountId === BU).some((e) => expected.includes(e.id))).toBe(false);
    });

    it("filters by virtual account", async () => {
      const r = await queryEvents(db, ctx["eg-admin"], filter({ scope: "sa", id: EG, va: KRAKOW }), { all: true });
      const expected = expectedIds((e) => inActivity(EG)(e) && e.vaIds.includes(KRAKOW));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(r.rows)).toEqual(expected);
    });

    it("shows a VA-scope user only the events of their VAs", async () => {
      const mine = [VA01, KRAKOW];
      const expected = expectedIds((e) => inActivity(EG)(e) && e.vaIds.some((v) => mine.includes(v)));
      const r = await queryEvents(db, ctx["eg-vauser"], filter({ scope: "sa", id: EG }), { all: true });
      expect(ids(r.rows)).toEqual(expected);
      expect(r.total).toBe(expected.length);
      expect(r.total).toBeGreaterThan(0);
      expect(r.total).toBeLessThan(expectedIds(inActivity(EG)).length);
      // Account-level events (role grants, SA creation) and other VAs' events stay hidden.
      expect(r.rows.some((e) => ["E-50", "E-53b", "E-30a"].includes(e.type))).toBe(false);
      const theirs = new Set(all.filter((e) => e.vaIds.length > 0 && !e.vaIds.some((v) => mine.includes(v))).map((e) => e.id));
      expect(r.rows.some((e) => theirs.has(e.id))).toBe(false);

      // Asking for a VA they cannot see gives nothing of it.
      const other = await queryEvents(db, ctx["eg-vauser"], filter({ scope: "sa", id: EG, va: LAB }), { all: true });
      expect(other.rows).toEqual([]);

      const admin = await queryEvents(db, ctx["eg-vaadmin"], filter({ scope: "sa", id: EG }), { all: true });
      expect(ids(admin.rows)).toEqual(expectedIds((e) => inActivity(EG)(e) && e.vaIds.some((v) => v === VA01 || v === VA02)));
    });

    it("answers another account, or one where the user is disabled, as not found", async () => {
      await expect(queryEvents(db, ctx["bu-admin"], filter({ scope: "sa", id: EG }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(queryEvents(db, ctx["eg-vauser"], filter({ scope: "sa", id: BU }))).rejects.toBeInstanceOf(NotFoundError);
      await db.insert(saUserStatus).values({ smartAccountId: EG, userId: userId("eg-viewer"), disabledAt: T0, disabledBy: userId("eg-admin") });
      try {
        const disabled = (await loadAccess(db, userId("eg-viewer")))!;
        await expect(queryEvents(db, disabled, filter({ scope: "sa", id: EG }))).rejects.toBeInstanceOf(NotFoundError);
        await expect(queryEvents(db, disabled, filter({ scope: "va", id: VA01 }))).rejects.toBeInstanceOf(NotFoundError);
      } finally {
        await db.delete(saUserStatus);
      }
    });
  });

  describe("scope ops (S-34 Event Log)", () => {
    it("lists the OPS events for Licensing Operations", async () => {
      const expected = expectedIds((e) => e.shownIn.includes("OPS"));
      const r = await queryEvents(db, ctx["lic-ops"], filter({ scope: "ops" }), { all: true });
      expect(ids(r.rows)).toEqual(expected);
      expect(r.smartAccountName).toBeUndefined();
      const messages = r.rows.map((e) => e.message);
      expect(messages).toContain('Smart Account "Eg-SA-01" (eg-sa-01.example.com, account id 402117) was created with the default virtual account "DEFAULT".');
      expect(messages).toContain('Smart Account "BU Production Test" (bu-production-test.example.com, account id 402118) was created with the default virtual account "DEFAULT".');
      expect(messages).toContain('Reporting policy "SLP Policy" was published to Smart Account "Eg-SA-01".');
      // Everything an ops user did is listed there too.
      expect(r.rows.filter((e) => e.type === "E-50" && e.actorLabel === "lic-ops")).toHaveLength(2);
      const search = await queryEvents(db, ctx["lic-ops"], filter({ scope: "ops", q: "bu production" }));
      expect(search.rows.map((e) => e.type)).toEqual(expect.arrayContaining(["E-53b"]));
      expect(search.total).toBe(expectedIds((e) => e.shownIn.includes("OPS") && contains("bu production")(e)).length);
    });

    it("is forbidden to everyone else", async () => {
      for (const cco of ["eg-admin", "eg-viewer", "eg-vauser", "bu-admin"]) {
        await expect(queryEvents(db, ctx[cco], filter({ scope: "ops" }))).rejects.toBeInstanceOf(ForbiddenError);
      }
    });
  });
});
