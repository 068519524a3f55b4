import { afterAll, beforeAll, expect } from "vitest";
import type { DatabaseHandle, Db, Tx } from "@/db/client";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import { pinClock, resetClock } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { seedDemo } from "@/lib/seed/demo";
import { userId } from "@/lib/seed/demo/ids";
import { type Driver, openTestDb } from "./db";

/** The instant the demo data is seeded at. */
export const T0 = new Date("2024-03-10T12:00:00Z");

/** A domain function run as one user, in its own transaction. */
export type Op<T = unknown> = (tx: Tx, ctx: AccessContext, actor: Actor) => Promise<T>;

export type DemoDatabaseOptions = {
  /** When the demo data is seeded (default T0); `false` leaves only the reference data. */
  t0?: Date | false;
  /** Pins the clock here before seeding; it is reset after the suite. */
  clock?: Date;
  /** The user id of a CCO id, for suites that insert users of their own. */
  userIdOf?: (ccoId: string) => string;
};

/**
 * For the body of a `describe.each(drivers)`: a fresh database, seeded with the demo data before the
 * first test and closed after the last, and helpers that act as a demo user the way a server action does.
 * `db` may be captured at once but used only from hooks and tests.
 */
export function useDemoDatabase(driver: Driver, { t0 = T0, clock, userIdOf = userId }: DemoDatabaseOptions = {}) {
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    handle = await openTestDb(driver);
    if (clock) pinClock(clock);
    if (t0) await handle.db.transaction((tx) => seedDemo(tx, t0));
  });
  afterAll(async () => {
    if (clock) resetClock();
    await handle?.close();
  });

  const open = (): Db => {
    if (!handle) throw new Error("The demo database opens in beforeAll: use it from hooks and tests.");
    return handle.db;
  };
  const db = new Proxy({} as Db, {
    get(_, prop) {
      const real = open();
      const value = Reflect.get(real, prop, real);
      return typeof value === "function" && prop !== "constructor" ? value.bind(real) : value;
    },
  });

  const actorOf = (ccoId: string): Extract<Actor, { kind: "user" }> => ({ kind: "user", userId: userIdOf(ccoId), ccoId });
  async function ctxOf(ccoId: string): Promise<AccessContext> {
    const ctx = await loadAccess(open(), userIdOf(ccoId));
    expect(ctx, `${ccoId} has an access context`).not.toBeNull();
    return ctx!;
  }
  /** Runs `op` as `ccoId` with a freshly loaded context, in its own transaction. */
  async function as<T>(ccoId: string, op: Op<T>): Promise<T> {
    const ctx = await ctxOf(ccoId);
    return open().transaction((tx) => op(tx, ctx, { ...actorOf(ccoId), licensingOps: ctx.user.licensingOps }));
  }

  /**
   * `expectRefused(ccoId, op, ErrorType, message?)`: `op` run as `ccoId` fails with that error (and
   * message) and leaves `snapshot` as it was.
   */
  function refusals(snapshot: () => Promise<unknown>) {
    return async function expectRefused(ccoId: string, op: Op, type: new (...args: never[]) => Error, message?: string): Promise<Error> {
      const before = await snapshot();
      const err = await as(ccoId, op).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(type);
      if (message !== undefined) expect((err as Error).message).toBe(message);
      expect(await snapshot()).toEqual(before);
      return err as Error;
    };
  }

  return { db, actorOf, ctxOf, as, refusals };
}
