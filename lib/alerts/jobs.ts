import type { DbOrTx } from "@/db/client";
import { now } from "@/lib/clock";
import { enqueueJob, registerJob } from "@/lib/jobs/runner";
import { recomputeAlerts, recomputeAllAlerts } from "./engine";
import { runExpiryJob } from "./expiry";
import { RECOMPUTE_JOB } from "./schedule";
import { sendDailySummaries } from "./summary";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const nextSlot = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms + ms);

/** Queues the next hourly recompute and the next daily run (P-11 (b), P-14, W-56); the slot is the dedupe key. */
export async function scheduleRecurringAlertJobs(db: DbOrTx, at: Date = now()): Promise<void> {
  const hour = nextSlot(at, HOUR_MS);
  const day = nextSlot(at, DAY_MS);
  await enqueueJob(db, "alerts.hourly", {}, hour, `alerts.hourly@${hour.toISOString()}`);
  await enqueueJob(db, "alerts.daily", {}, day, `alerts.daily@${day.toISOString()}`);
}

registerJob(RECOMPUTE_JOB, async (db, payload) => {
  const scope = { smartAccountId: String(payload.smartAccountId), virtualAccountId: (payload.virtualAccountId as string | null) ?? null };
  await db.transaction((tx) => recomputeAlerts(tx, scope));
});

registerJob("alerts.hourly", async (db) => {
  await db.transaction((tx) => recomputeAllAlerts(tx));
  const hour = nextSlot(now(), HOUR_MS);
  await enqueueJob(db, "alerts.hourly", {}, hour, `alerts.hourly@${hour.toISOString()}`);
});

registerJob("alerts.daily", async (db) => {
  await db.transaction(async (tx) => {
    await runExpiryJob(tx);
    await recomputeAllAlerts(tx);
    await sendDailySummaries(tx, now());
  });
  const day = nextSlot(now(), DAY_MS);
  await enqueueJob(db, "alerts.daily", {}, day, `alerts.daily@${day.toISOString()}`);
});
