import { registerJob } from "@/lib/jobs/runner";
import { MAX_ATTEMPTS, USAGE_FILE_JOB } from "./config";
import { PROCESSING_FAILED } from "./messages";
import { failUsageFile, processUsageFile } from "./process/run";

/**
 * W-10 step 5: the usage-file job. A failed run is retried by the runner from the recorded
 * progress; after the third attempt the file becomes `ERRORS` with W-10's message.
 */
registerJob(USAGE_FILE_JOB, async (db, payload, job) => {
  const fileId = String(payload.fileId);
  if (job.attempts > MAX_ATTEMPTS) return failUsageFile(db, fileId, PROCESSING_FAILED);
  try {
    await processUsageFile(db, fileId, { jobId: job.id });
  } catch (err) {
    if (job.attempts < MAX_ATTEMPTS) throw err;
    console.error(`[openssm] usage file ${fileId} failed ${job.attempts} times:`, err);
    await failUsageFile(db, fileId, PROCESSING_FAILED);
  }
});
