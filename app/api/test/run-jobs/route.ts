import "@/lib/alerts/jobs";
import "@/lib/usage/jobs";
import { runDueJobs } from "@/lib/jobs/runner";
import { json } from "@/lib/http/route";
import { testHook } from "@/lib/http/test-hook";

/** run all due jobs synchronously. */
export const POST = testHook(async ({ db }) => json(200, { status: "OK", ran: await runDueJobs(db, 10_000) }));
