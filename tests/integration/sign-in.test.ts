import { and, asc, eq, gte } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { events, signInAttempts, users } from "@/db/schema";
import { authenticate, findUserByLogin, INVALID_CREDENTIALS } from "@/lib/auth/sign-in";
import { pruneSignInAttempts, throttleStatus } from "@/lib/auth/throttle";
import { pinClock, resetClock } from "@/lib/clock";
import { BU_SA, EG_SA, saId, userId } from "@/lib/seed/demo/ids";
import { DEMO_PASSWORD } from "@/lib/seed/demo-users";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const MIN = 60_000;
const at = (base: string, minutes: number) => new Date(new Date(base).getTime() + minutes * MIN);
const throttled = (n: number) => `Too many failed sign-in attempts. Try again in ${n} minutes.`;

describe.each(drivers)("S-1 sign-in and V-16a throttling (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);

  /** One S-1 form attempt at the pinned time `when`. */
  async function attempt(login: string, password: string, clientAddress: string, when: Date, channel: "FORM" | "API_PASSWORD" = "FORM") {
    pinClock(when);
    return authenticate(db, { login, password, clientAddress, channel });
  }
  const attemptsOf = (uid: string) => db.select().from(signInAttempts).where(eq(signInAttempts.userId, uid)).orderBy(asc(signInAttempts.id));
  const blockEvents = (who: string) =>
    db
      .select()
      .from(events)
      .where(and(eq(events.type, "E-53a"), eq(events.message, `Sign-in for ${who} was blocked after more than 10 failed attempts in 15 minutes.`)));

  afterAll(() => resetClock());

  describe("S-1", () => {
    it("signs in by email and records a succeeded attempt", async () => {
      const when = at("2024-03-11T08:00:00Z", 0);
      const result = await attempt("viewer@example.com", DEMO_PASSWORD, "10.0.0.1", when);
      expect(result.ok).toBe(true);
      expect(result.ok && result.user).toMatchObject({ id: userId("eg-viewer"), ccoId: "eg-viewer", email: "viewer@example.com" });
      const rows = await attemptsOf(userId("eg-viewer"));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ clientAddress: "10.0.0.1", channel: "FORM", succeeded: true });
      expect(rows[0].occurredAt.toISOString()).toBe(when.toISOString());
    });

    it("signs in by CCO id, ignoring case and surrounding spaces, and by email in any case", async () => {
      for (const login of ["eg-viewer", "EG-Viewer", "  eg-viewer  ", "Viewer@Example.COM"]) {
        const r = await attempt(login, DEMO_PASSWORD, "10.0.0.2", at("2024-03-11T08:05:00Z", 0), "API_PASSWORD");
        expect({ login, ok: r.ok }).toEqual({ login, ok: true });
      }
      const rows = await attemptsOf(userId("eg-viewer"));
      expect(rows.slice(1).map((r) => [r.channel, r.succeeded, r.clientAddress])).toEqual(Array(4).fill(["API_PASSWORD", true, "10.0.0.2"]));
      expect((await findUserByLogin(db, "LIC-OPS"))?.id).toBe(userId("lic-ops"));
      expect(await findUserByLogin(db, "   ")).toBeUndefined();
    });

    it("refuses a wrong password with the S-1 message and records the failure", async () => {
      const before = (await attemptsOf(userId("eg-viewer"))).length;
      const r = await attempt("eg-viewer", "demo123!", "10.0.0.3", at("2024-03-11T08:10:00Z", 0));
      expect(r).toEqual({ ok: false, message: "The username or password you entered is incorrect." });
      expect(INVALID_CREDENTIALS).toBe("The username or password you entered is incorrect.");
      const rows = await attemptsOf(userId("eg-viewer"));
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ succeeded: false, clientAddress: "10.0.0.3", channel: "FORM" });
    });

    it("answers an unknown login the same way and records it without a user", async () => {
      const r = await attempt("nobody@example.com", DEMO_PASSWORD, "10.0.0.4", at("2024-03-11T08:15:00Z", 0));
      expect(r).toEqual({ ok: false, message: INVALID_CREDENTIALS });
      const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.clientAddress, "10.0.0.4"));
      expect(rows).toEqual([expect.objectContaining({ userId: null, succeeded: false, channel: "FORM" })]);
    });

    it("refuses a user disabled everywhere (D-1) even with the right password", async () => {
      await db.update(users).set({ disabledAt: T0 }).where(eq(users.id, userId("lic-ops")));
      try {
        const r = await attempt("ops@example.com", DEMO_PASSWORD, "10.0.0.5", at("2024-03-11T08:20:00Z", 0));
        expect(r).toEqual({ ok: false, message: INVALID_CREDENTIALS });
        expect((await attemptsOf(userId("lic-ops"))).map((a) => a.succeeded)).toEqual([false]);
      } finally {
        await db.update(users).set({ disabledAt: null }).where(eq(users.id, userId("lic-ops")));
      }
      expect((await attempt("ops@example.com", DEMO_PASSWORD, "10.0.0.5", at("2024-03-11T08:21:00Z", 0))).ok).toBe(true);
    });
  });

  describe("V-16a account throttling", () => {
    const base = "2024-03-11T12:00:00Z";
    const uid = userId("eg-vauser");

    it("after 11 failures in 15 minutes refuses the 12th attempt, even with the right password", async () => {
      // 11 failures, one a minute, each from its own address so only the account count grows.
      for (let i = 0; i < 11; i++) {
        const r = await attempt("va.user@example.com", `wrong-${i}`, `10.1.0.${i}`, at(base, i));
        expect({ i, r }).toEqual({ i, r: { ok: false, message: INVALID_CREDENTIALS } });
        if (i === 9) expect(await blockEvents("eg-vauser")).toHaveLength(0);
      }
      expect((await attemptsOf(uid)).filter((a) => !a.succeeded)).toHaveLength(11);

      const rows = await db.$count(signInAttempts);
      // The oldest failure (at +0) leaves the window at +15: at +10 that is 5 minutes away.
      expect(await attempt("va.user@example.com", DEMO_PASSWORD, "10.1.1.1", at(base, 10))).toEqual({
        ok: false,
        throttled: true,
        message: throttled(5),
      });
      expect(await attempt("eg-vauser", DEMO_PASSWORD, "10.1.1.2", at(base, 10.5))).toEqual({ ok: false, throttled: true, message: throttled(5) });
      expect(await attempt("eg-vauser", "wrong-again", "10.1.1.3", at(base, 12))).toEqual({ ok: false, throttled: true, message: throttled(3) });
      expect(await attempt("eg-vauser", DEMO_PASSWORD, "10.1.1.4", at(base, 14.99))).toEqual({ ok: false, throttled: true, message: throttled(1) });
      // Refused attempts are not recorded.
      expect(await db.$count(signInAttempts)).toBe(rows);
    });

    it("writes E-53a exactly once, when the block starts, in the user's Smart Account", async () => {
      const written = await blockEvents("eg-vauser");
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({
        type: "E-53a",
        category: "Accounts & Users",
        smartAccountId: saId(EG_SA),
        actorLabel: "System",
        userId: null,
        shownIn: ["SA"],
      });
      expect(written[0].occurredAt.toISOString()).toBe(at(base, 10).toISOString());
    });

    it("lets the account in again once the count is back to 10", async () => {
      const status = await throttleStatus(db, uid, "10.1.1.9", at(base, 15.01));
      expect(status).toEqual({ minutes: 0, accountFailures: 10, addressFailures: 0 });
      const r = await attempt("eg-vauser", DEMO_PASSWORD, "10.1.1.9", at(base, 15.01));
      expect(r.ok).toBe(true);
      // A success clears the account's count.
      expect(await throttleStatus(db, uid, "10.1.1.9", at(base, 15.02))).toEqual({ minutes: 0, accountFailures: 0, addressFailures: 0 });
      expect(await blockEvents("eg-vauser")).toHaveLength(1);
    });

    it("writes E-53a in each Smart Account of a user who belongs to several", async () => {
      const b = "2024-03-11T13:00:00Z";
      for (let i = 0; i < 11; i++) await attempt("admin@example.com", "nope", `10.2.0.${i}`, at(b, i * 0.5));
      const written = await blockEvents("eg-admin");
      expect(written.map((e) => e.smartAccountId).sort()).toEqual([saId(EG_SA), saId(BU_SA)].sort());
      // 11 failures from +0 to +5: the oldest leaves at +15, 10 minutes after the last one.
      expect(await attempt("eg-admin", DEMO_PASSWORD, "10.2.1.0", at(b, 5))).toEqual({ ok: false, throttled: true, message: throttled(10) });
      // Waiting out the block and failing again starts a new block (and a new E-53a).
      expect((await attempt("eg-admin", "nope", "10.2.1.1", at(b, 15.1))).ok).toBe(false);
      expect(await blockEvents("eg-admin")).toHaveLength(4);
    });
  });

  describe("V-16a address throttling", () => {
    it("blocks one client address after 11 failures, whatever the account", async () => {
      const b = "2024-03-11T14:00:00Z";
      const address = "192.0.2.50";
      const blocksBefore = await db.$count(events, eq(events.type, "E-53a"));
      for (let i = 0; i < 11; i++) {
        expect((await attempt(`ghost${i}@example.com`, "x", address, at(b, i * 0.5))).ok).toBe(false);
      }
      const status = await throttleStatus(db, null, address, at(b, 6));
      expect(status).toEqual({ minutes: 9, accountFailures: 0, addressFailures: 11 });
      // A known user with the right password, from that address: refused without checking the password.
      expect(await attempt("bu-admin", DEMO_PASSWORD, address, at(b, 6))).toEqual({ ok: false, throttled: true, message: throttled(9) });
      // From another address the same user signs in.
      expect((await attempt("bu-admin", DEMO_PASSWORD, "192.0.2.51", at(b, 6))).ok).toBe(true);
      // No E-53a for a client-address block.
      expect(await db.$count(events, eq(events.type, "E-53a"))).toBe(blocksBefore);
      // The address is free again once the oldest failure leaves the window.
      expect((await attempt("bu-admin", DEMO_PASSWORD, address, at(b, 15.01))).ok).toBe(true);
    });

    it("a success clears the account's count but not the address's", async () => {
      const b = "2024-03-11T16:00:00Z";
      const address = "198.51.100.7";
      const uid = userId("eg-vaadmin");
      for (let i = 0; i < 10; i++) await attempt("eg-vaadmin", "wrong", address, at(b, i * 0.25));
      expect(await throttleStatus(db, uid, address, at(b, 3))).toEqual({ minutes: 0, accountFailures: 10, addressFailures: 10 });

      expect((await attempt("eg-vaadmin", DEMO_PASSWORD, address, at(b, 3))).ok).toBe(true);
      expect(await throttleStatus(db, uid, address, at(b, 3.5))).toEqual({ minutes: 0, accountFailures: 0, addressFailures: 10 });

      // One more failure makes 11 for the address (but only 1 for the account).
      expect((await attempt("eg-vaadmin", "wrong", address, at(b, 4))).ok).toBe(false);
      expect(await throttleStatus(db, uid, address, at(b, 5))).toEqual({ minutes: 10, accountFailures: 1, addressFailures: 11 });
      expect(await attempt("eg-viewer", DEMO_PASSWORD, address, at(b, 5))).toEqual({ ok: false, throttled: true, message: throttled(10) });
      expect(await attempt("eg-vaadmin", DEMO_PASSWORD, address, at(b, 5))).toEqual({ ok: false, throttled: true, message: throttled(10) });
      expect((await attempt("eg-vaadmin", DEMO_PASSWORD, "198.51.100.8", at(b, 5))).ok).toBe(true);
      expect(await blockEvents("eg-vaadmin")).toHaveLength(0);
    });
  });

  it("the daily job forgets attempts older than one day (D-1a)", async () => {
    const cutoffRun = new Date("2024-03-12T13:00:00Z"); // forgets everything before 2024-03-11T13:00Z
    const total = await db.$count(signInAttempts);
    const recent = await db.select().from(signInAttempts).where(gte(signInAttempts.occurredAt, new Date("2024-03-11T13:00:00Z")));
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(total);
    await pruneSignInAttempts(db, cutoffRun);
    const left = await db.select().from(signInAttempts).orderBy(asc(signInAttempts.id));
    expect(left.map((r) => r.id)).toEqual(recent.map((r) => r.id).sort((a, b) => a - b));
  });
});
