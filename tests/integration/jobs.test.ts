import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { jobs } from "@/db/schema";
import { addDays, pinClock, resetClock } from "@/lib/clock";
import { enqueueJob, registerJob, runDueJobs } from "@/lib/jobs/runner";
import { drivers, openTestDb } from "@/tests/helpers/db";

const T0 = new Date("2024-03-10T12:00:00Z");

describe.each(drivers)("D-29 job table (%s)", (driver) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await openTestDb(driver);
    pinClock(T0);
  });
  afterAll(async () => {
    resetClock();
    await h.close();
  });

  it("the daily job runs when due and queues its next run exactly once", async () => {
    await enqueueJob(h.db, "daily", {}, T0, "daily");
    await enqueueJob(h.db, "daily", {}, T0, "daily");
    expect(await h.db.$count(jobs, and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)))).toBe(1);
    await runDueJobs(h.db);
    const open = await h.db.select().from(jobs).where(and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)));
    expect(open.map((j) => j.runAt.toISOString())).toEqual([addDays(T0, 1).toISOString()]);
    expect(await runDueJobs(h.db)).toBe(0);
    pinClock(addDays(T0, 1));
    await runDueJobs(h.db);
    const next = await h.db.select().from(jobs).where(and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)));
    expect(next.map((j) => j.runAt.toISOString())).toEqual([addDays(T0, 2).toISOString()]);
  });

  it("records a failing job's error and retries it later", async () => {
    let calls = 0;
    registerJob("test.flaky", async () => {
      calls++;
      throw new Error("device unreachable");
    });
    pinClock(T0);
    await enqueueJob(h.db, "test.flaky", {});
    await runDueJobs(h.db);
    const [job] = await h.db.select().from(jobs).where(eq(jobs.kind, "test.flaky"));
    expect(job).toMatchObject({ error: "device unreachable", attempts: 1, doneAt: null, lockedAt: null });
    expect(job.runAt.getTime()).toBeGreaterThan(T0.getTime());
    expect(calls).toBe(1);
  });
});
