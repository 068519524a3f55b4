import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs, usageDataFiles, usageFileMembers } from "@/db/schema";
import { mergePendingSearchEntries } from "@/lib/inventory/search-index";
import { now } from "@/lib/clock";
import { CHUNK_SIZE } from "../config";
import type { EventSink } from "../events";
import { V35_VA_GONE } from "../messages";
import { FILE_COLUMNS, loadEnv, type ProcessEnv, type UsageFileRow } from "./env";
import { finishUsageFile } from "./finish";
import { applyReportChunk, emptyChunk, prepareReportChunk, type PreparedChunk, type Problem } from "./reports";
import { loadWork, type WorkItem, type WorkMember } from "./work";

/** D-29 `jobs.progress` of a usage-file job: the next report to apply and the unidentifiable ones so far. */
export type UsageProgress = { next: number; chunks: number; problems: Problem[] };

/** Test seam: throw from here to simulate a crash inside a chunk (its transaction rolls back). */
export const usageProcessingHooks: { afterChunk?: (info: { fileId: string; chunk: number }) => void } = {};

export type ProcessOptions = {
  /** The job whose `progress` records each committed chunk (none for in-place processing). */
  jobId?: number;
  /** The processing instant (default now; the demo seed backdates it). */
  at?: Date;
  events?: EventSink;
};

/** `prepareReportChunk` in slices of 100 reports, yielding in between so database replies are not held up. */
async function prepareInSlices(env: ProcessEnv, items: WorkItem[], memberIndex: Map<WorkMember, number>): Promise<PreparedChunk> {
  const chunk = emptyChunk();
  for (let i = 0; i < items.length; i += 100) {
    await new Promise((resolve) => setImmediate(resolve));
    prepareReportChunk(env, items.slice(i, i + 100), memberIndex, chunk);
  }
  return chunk;
}

/**
 * Whether no run has committed this chunk yet, so the rows it would write cannot exist: the job's
 * progress commits with each chunk's data, and is read under the file's row lock (another worker's
 * chunk commits before it, or waits). Without a job nothing records progress.
 */
async function chunkIsFresh(tx: DbOrTx, jobId: number | undefined, start: number): Promise<boolean> {
  if (jobId === undefined) return false;
  const [job] = await tx.select({ progress: jobs.progress }).from(jobs).where(eq(jobs.id, jobId));
  return ((job?.progress as UsageProgress | null)?.next ?? 0) === start;
}

async function lockedFile(tx: DbOrTx, fileId: string): Promise<UsageFileRow | undefined> {
  const [file] = await tx.select(FILE_COLUMNS).from(usageDataFiles).where(eq(usageDataFiles.id, fileId)).for("update");
  return file;
}

/** Marks a file that cannot be processed: `ERRORS`, no ACK (`Acknowledged` shows `-`). */
export async function failUsageFile(db: DbOrTx, fileId: string, message: string, at: Date = now()): Promise<void> {
  await db.transaction(async (tx) => {
    const file = await lockedFile(tx, fileId);
    if (!file || file.status !== "PROCESSING") return;
    const previous = (file.errorSummary ?? {}) as { warnings?: string[] };
    await tx
      .update(usageDataFiles)
      .set({ status: "ERRORS", processedAt: at, errorSummary: { ...previous, warnings: previous.warnings ?? [], message } })
      .where(eq(usageDataFiles.id, fileId));
    await tx.update(usageFileMembers).set({ status: "ERRORS" }).where(eq(usageFileMembers.fileId, fileId));
  });
}

/**
 * W-10 steps 5–9: applies a PROCESSING file in chunks of ≤ 1,000 reports, one transaction each,
 * committing the job's progress with every chunk so a restart resumes after the last committed
 * one; then builds the ACK and the file status in a last transaction. Idempotent: a file that is
 * no longer PROCESSING is left alone.
 */
export async function processUsageFile(db: DbOrTx, fileId: string, opts: ProcessOptions = {}): Promise<void> {
  const at = opts.at ?? now();
  const [file] = await db.select(FILE_COLUMNS).from(usageDataFiles).where(eq(usageDataFiles.id, fileId));
  if (!file || file.status !== "PROCESSING") return;
  const env = await loadEnv(db, file, at, opts.events);
  const gone = env.members.some((m) => !m.assignedVaId || env.vas.get(m.assignedVaId)?.deletedAt);
  if (gone) return failUsageFile(db, fileId, V35_VA_GONE, at);

  const work = await loadWork(db, file, env.members);
  const memberIndex = new Map<WorkMember, number>(work.members.map((m, i) => [m, i]));
  let progress: UsageProgress = { next: 0, chunks: 0, problems: [] };
  if (opts.jobId !== undefined) {
    const [job] = await db.select({ progress: jobs.progress }).from(jobs).where(eq(jobs.id, opts.jobId));
    if (job?.progress) progress = job.progress as UsageProgress;
  }

  // Inside a caller's transaction (the demo seed) the commit is the caller's to make.
  const ownCommits = !("rollback" in db);
  const prepare = (start: number) => (start < work.reports.length ? prepareInSlices(env, work.reports.slice(start, start + CHUNK_SIZE), memberIndex) : null);
  let upcoming = prepare(progress.next);
  for (let start = progress.next; upcoming; start += CHUNK_SIZE) {
    const chunk = await upcoming;
    // The next chunk is normalised and verified while this one waits on the database.
    upcoming = prepare(start + CHUNK_SIZE);
    upcoming?.catch(() => {});
    let createdPis = 0;
    progress = await db.transaction(async (tx) => {
      // The chunk and its progress commit together, so a crash that loses the last commits only
      // makes the job redo those chunks: no need to wait for the WAL flush of each one.
      if (ownCommits) await tx.execute(sql`set local synchronous_commit = off`);
      const current = await lockedFile(tx, fileId);
      if (current?.status !== "PROCESSING") throw new Error(`Usage file ${fileId} is no longer being processed.`);
      const result = await applyReportChunk(tx, env, chunk, { fresh: await chunkIsFresh(tx, opts.jobId, start) });
      createdPis = result.createdPis;
      const next: UsageProgress = { next: Math.min(start + CHUNK_SIZE, work.reports.length), chunks: progress.chunks + 1, problems: [...progress.problems, ...result.problems] };
      usageProcessingHooks.afterChunk?.({ fileId, chunk: next.chunks });
      if (opts.jobId !== undefined) await tx.update(jobs).set({ progress: next }).where(eq(jobs.id, opts.jobId));
      return next;
    });
    if (createdPis > 0) await mergePendingSearchEntries(db);
  }

  await db.transaction(async (tx) => {
    const current = await lockedFile(tx, fileId);
    if (current?.status !== "PROCESSING") return;
    await finishUsageFile(tx, env, work, progress.problems);
  });
}

