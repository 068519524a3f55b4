import { getHandle } from "@/db";
import { StartupError } from "@/db/client";
import { enqueueJob, runDueJobs } from "@/lib/jobs/runner";
import { scheduleRecurringAlertJobs } from "@/lib/alerts/jobs";
import { config } from "@/lib/config";
import "@/lib/usage/jobs";

/**
 * Runs once in the Next.js server process (instrumentation.ts): opens the database at once, so the
 * PGlite folder lock is held from the start, and polls the job table.
 */
export async function bootServer(): Promise<void> {
  let handle;
  try {
    handle = await getHandle();
  } catch (err) {
    const message = err instanceof StartupError ? err.message : `Cannot open the database: ${(err as Error).message}`;
    console.error(`[openssm] ${message}`);
    process.exit(1);
  }
  await enqueueJob(handle.db, "daily", {}, undefined, "daily");
  await scheduleRecurringAlertJobs(handle.db);
  // E2E runs jobs through A-25 (`/api/test/run-jobs`) so the pinned clock decides what is due;
  // a demo instance (DEMO_TOOLS=1) keeps its worker so alerts follow what the presenter does.
  if (config.e2e && process.env.OPENSSM_WORKER !== "1") return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueJobs(handle.db)
      .catch((err) => console.error("[openssm] job worker:", err))
      .finally(() => (running = false));
  }, 2_000);
  timer.unref();
}
