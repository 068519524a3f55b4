import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { addDays, pinClock } from "@/lib/clock";
import { enqueueJob, registerJob, runDueJobs } from "@/lib/jobs/runner";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

describe.each(drivers)("D-29 job table (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { t0: false, clock: T0 });

  it("the daily job runs when due and queues its next run exactly once", async () => {
    await enqueueJob(db, "daily", {}, T0, "daily");
    await enqueueJob(db, "daily", {}, T0, "daily");
    expect(await db.$count(jobs, and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)))).toBe(1);
    await runDueJobs(db);
    const open = await db.select().from(jobs).where(and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)));
    expect(open.map((j) => j.runAt.toISOString())).toEqual([addDays(T0, 1).toISOString()]);
    expect(await runDueJobs(db)).toBe(0);
    pinClock(addDays(T0, 1));
    await runDueJobs(db);
    const next = await db.select().from(jobs).where(and(eq(jobs.kind, "daily"), isNull(jobs.doneAt)));
    expect(next.map((j) => j.runAt.toISOString())).toEqual([addDays(T0, 2).toISOString()]);
  });

  it("records a failing job's error and retries it later", async () => {
    let calls = 0;
    registerJob("test.flaky", async () => {
      calls++;
      throw new Error("device unreachable");
    });
    pinClock(T0);
    await enqueueJob(db, "test.flaky", {});
    await runDueJobs(db);
    const [job] = await db.select().from(jobs).where(eq(jobs.kind, "test.flaky"));
    expect(job).toMatchObject({ error: "device unreachable", attempts: 1, doneAt: null, lockedAt: null });
    expect(job.runAt.getTime()).toBeGreaterThan(T0.getTime());
    expect(calls).toBe(1);
  });
});
