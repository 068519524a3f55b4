import { and, asc, isNull, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";
import { pruneSignInAttempts } from "@/lib/auth/throttle";
import { addDays, now } from "@/lib/clock";
import { recordExpiredTokens } from "@/lib/tokens/expiry";

/** The claimed job: its id (for chunked jobs that record `progress`) and this run's attempt number. */
export type JobRun = { id: number; attempts: number };
type Handler = (db: Db, payload: Record<string, unknown>, job: JobRun) => Promise<void>;

/** Job kinds; later work registers its own (usage-file processing, alert recompute…). */
const handlers = new Map<string, Handler>();

export function registerJob(kind: string, handler: Handler): void {
  handlers.set(kind, handler);
}

registerJob("daily", async (db) => {
  await pruneSignInAttempts(db, now());
  await recordExpiredTokens(db, now());
  await enqueueJob(db, "daily", {}, addDays(now(), 1), "daily");
});

export async function enqueueJob(db: DbOrTx, kind: string, payload: Record<string, unknown>, runAt = now(), dedupeKey?: string) {
  if (dedupeKey) {
    const [open] = await db
      .select({ id: jobs.id })
      .from(jobs)
      // A job already running does not count: a job may queue its own next run.
      .where(and(isNull(jobs.doneAt), isNull(jobs.lockedAt), sql`${jobs.dedupeKey} = ${dedupeKey}`))
      .limit(1);
    if (open) return;
  }
  await db.insert(jobs).values({ kind, payload, runAt, dedupeKey });
}

/** Runs every job due now, oldest first; a failure is recorded and retried later. */
export async function runDueJobs(db: Db, limit = 100): Promise<number> {
  let ran = 0;
  for (; ran < limit; ran++) {
    const claimed = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(isNull(jobs.doneAt), lte(jobs.runAt, now())))
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!job) return null;
      await tx.update(jobs).set({ lockedAt: now(), attempts: job.attempts + 1 }).where(sql`${jobs.id} = ${job.id}`);
      return job;
    });
    if (!claimed) break;
    const handler = handlers.get(claimed.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind ${claimed.kind}`);
      await handler(db, claimed.payload as Record<string, unknown>, { id: claimed.id, attempts: claimed.attempts + 1 });
      await db.update(jobs).set({ doneAt: now(), error: null }).where(sql`${jobs.id} = ${claimed.id}`);
    } catch (err) {
      const attempts = claimed.attempts + 1;
      const retryAt = new Date(now().getTime() + Math.min(attempts, 10) * 60_000);
      await db
        .update(jobs)
        .set({ error: String((err as Error).message ?? err), lockedAt: null, runAt: retryAt, doneAt: attempts >= 5 ? now() : null })
        .where(sql`${jobs.id} = ${claimed.id}`);
    }
  }
  return ran;
}
