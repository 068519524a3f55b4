import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInAttempts } from "@/db/schema";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

export function throttleMessage(minutes: number): string {
  return `Too many failed sign-in attempts. Try again in ${minutes} minutes.`;
}

/** Failure times inside the window: for an account only since its last success (V-16a). */
async function failureTimes(db: DbOrTx, by: { userId?: string; address?: string }, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const who = by.userId ? eq(signInAttempts.userId, by.userId) : eq(signInAttempts.clientAddress, by.address!);
  let floor = since;
  if (by.userId) {
    const [lastSuccess] = await db
      .select({ at: signInAttempts.occurredAt })
      .from(signInAttempts)
      .where(and(who, eq(signInAttempts.succeeded, true), gt(signInAttempts.occurredAt, since)))
      .orderBy(desc(signInAttempts.occurredAt))
      .limit(1);
    if (lastSuccess) floor = lastSuccess.at;
  }
  const rows = await db
    .select({ at: signInAttempts.occurredAt })
    .from(signInAttempts)
    .where(and(who, eq(signInAttempts.succeeded, false), gt(signInAttempts.occurredAt, floor)))
    .orderBy(signInAttempts.occurredAt);
  return rows.map((r) => r.at);
}

/** Whole minutes until the count falls back to MAX_FAILURES, or 0 when not blocked. */
export function blockedMinutes(failures: Date[], now: Date): number {
  if (failures.length <= MAX_FAILURES) return 0;
  const mustAgeOut = failures[failures.length - MAX_FAILURES - 1];
  const ms = mustAgeOut.getTime() + WINDOW_MS - now.getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}

export async function throttleStatus(
  db: DbOrTx,
  userId: string | null,
  address: string,
  now: Date,
): Promise<{ minutes: number; accountFailures: number; addressFailures: number }> {
  const byAddress = await failureTimes(db, { address }, now);
  const byAccount = userId ? await failureTimes(db, { userId }, now) : [];
  return {
    minutes: Math.max(blockedMinutes(byAddress, now), blockedMinutes(byAccount, now)),
    accountFailures: byAccount.length,
    addressFailures: byAddress.length,
  };
}

/** The daily job forgets attempts older than one day (D-1a). */
export async function pruneSignInAttempts(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(signInAttempts).where(sql`${signInAttempts.occurredAt} < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
}
