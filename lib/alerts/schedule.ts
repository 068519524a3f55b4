import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";
import { now } from "@/lib/clock";

export const RECOMPUTE_JOB = "alerts.recompute";

export const recomputeKey = (smartAccountId: string, virtualAccountId?: string | null) =>
  `alerts:${smartAccountId}:${virtualAccountId ?? "*"}`;

const scheduledIn = new WeakMap<object, Set<string>>();

/**
 * P-11 (a): queues a recompute of the scope a mutation touched, in the caller's transaction so it
 * commits with the change. A queued job not yet started already covers it (as does a queued
 * recompute of the whole Smart Account); a running one may have read the old state, so it does not.
 */
export async function scheduleAlertRecompute(
  tx: DbOrTx,
  scope: { smartAccountId: string; virtualAccountId?: string | null },
): Promise<void> {
  const key = recomputeKey(scope.smartAccountId, scope.virtualAccountId);
  // Many events of one transaction name the same scope (the demo seed writes hundreds). Only a
  // transaction is remembered: outside one, each call must look at the table again.
  const seen = "rollback" in tx ? (scheduledIn.get(tx) ?? new Set<string>()) : new Set<string>();
  if ("rollback" in tx) scheduledIn.set(tx, seen);
  if (seen.has(key) || seen.has(recomputeKey(scope.smartAccountId))) return;
  seen.add(key);
  const keys = [...new Set([key, recomputeKey(scope.smartAccountId)])];
  const [queued] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(isNull(jobs.doneAt), isNull(jobs.lockedAt), inArray(jobs.dedupeKey, keys)))
    .limit(1);
  if (queued) return;
  await tx.insert(jobs).values({
    kind: RECOMPUTE_JOB,
    payload: { smartAccountId: scope.smartAccountId, virtualAccountId: scope.virtualAccountId ?? null },
    runAt: now(),
    dedupeKey: key,
  });
}
