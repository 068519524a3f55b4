import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { usageDataFiles, usageFileMembers, virtualAccounts } from "@/db/schema";
import { type AccessContext, can, requireSmartAccount } from "@/lib/access/context";
import { ForbiddenError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { formatFileSize } from "@/lib/format";
import { enqueueJob } from "@/lib/jobs/runner";
import { sha256Hex } from "@/lib/secrets";
import { USAGE_FILE_JOB, usageConfig } from "./config";
import { type Channel, type EventSink, writeEvents } from "./events";
import { inspectUpload, type UploadSource } from "./inspect";
import { V20_EMPTY, V29_NO_PERMISSION, v20TooLarge } from "./messages";
import { resolveMemberVa } from "./resolve-va";
import { checkUploadName } from "./upload/file-name";

async function gzipStream(input: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of input.pipe(createGzip({ level: 1 }))) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export type UploadOptions = {
  smartAccountId: string;
  fileName: string;
  channel?: Channel;
  /** The upload instant (default now; the demo seed backdates it). */
  at?: Date;
  /** Queue the processing job (default true; the seed processes in place). */
  enqueue?: boolean;
  events?: EventSink;
  id?: string;
};

export type UploadResult = { id: string; fileName: string; status: "AWAITING_VA" | "PROCESSING" };

/** The writable VAs of an SA (D-3 "writable"), the only ones an upload may name or be assigned. */
export async function writableVirtualAccounts(db: DbOrTx, ctx: AccessContext, smartAccountId: string) {
  const vas = await db
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, smartAccountId), isNull(virtualAccounts.deletedAt)));
  return {
    all: vas,
    writable: vas.filter((va) => can(ctx, "usage.upload", { saId: smartAccountId, vaId: va.id })),
  };
}

/**
 * W-10 step 3, the synchronous stage: size and name (V-20, V-21), permission (V-29), safe unpacking
 * and parsing (V-22..V-27a) with nothing written, then ONE transaction that stores the D-12 row
 * with its members and original bytes, resolves VAs (F-2), writes E-15 and queues processing.
 * Any failure throws and leaves nothing behind (INV-13).
 */
export async function acceptUsageUpload(db: DbOrTx, ctx: AccessContext, actor: Actor, source: UploadSource, opts: UploadOptions): Promise<UploadResult> {
  const at = opts.at ?? now();
  if (source.sizeBytes === 0) throw new ValidationError(V20_EMPTY, "file");
  if (source.sizeBytes > usageConfig.maxUploadBytes) throw new ValidationError(v20TooLarge(usageConfig.maxUploadMb), "file");
  const fileName = checkUploadName(opts.fileName);
  const sa = await requireSmartAccount(db, ctx, opts.smartAccountId);
  const { all, writable } = await writableVirtualAccounts(db, ctx, sa.id);
  if (writable.length === 0) throw new ForbiddenError(V29_NO_PERMISSION);

  const inspection = await inspectUpload(source, fileName);
  const sha256 = source.sha256 ?? sha256Hex(await source.bytes());
  // D-12: the original bytes are kept forever; a gzip upload as is, anything else compressed on
  // the way in, so a large tar is never held in memory uncompressed.
  const blob = inspection.container === "TGZ" ? await source.bytes() : await gzipStream(source.open());
  const writableIds = new Set(writable.map((v) => v.id));
  const vaName = new Map(all.map((v) => [v.id, v.name]));

  return db.transaction(async (tx) => {
    const members = inspection.members.map((m) => ({ ...m, vaId: resolveMemberVa(m.spec, sa, all, writableIds) }));
    const awaiting = members.some((m) => !m.vaId);
    const status = awaiting ? ("AWAITING_VA" as const) : ("PROCESSING" as const);
    const fileVaId = awaiting ? null : members[0].vaId;
    const [file] = await tx
      .insert(usageDataFiles)
      .values({
        ...(opts.id ? { id: opts.id } : {}),
        smartAccountId: sa.id,
        virtualAccountId: fileVaId,
        fileName,
        container: inspection.container,
        kind: inspection.kind,
        sizeBytes: source.sizeBytes,
        sha256,
        blob,
        uploadedBy: actor.kind === "user" ? actor.userId : null,
        reportedAt: at,
        status,
        errorSummary: inspection.warnings.length ? { warnings: inspection.warnings } : null,
        channel: opts.channel ?? "UPLOAD",
        // created_at stays the database's own time: it orders uploads of the same (pinned) instant.
      })
      .returning({ id: usageDataFiles.id });
    for (let i = 0; i < members.length; i += 1000) {
      await tx.insert(usageFileMembers).values(
        members.slice(i, i + 1000).map((m) => ({
          fileId: file.id,
          memberName: m.name,
          manifestVaName: m.spec.va,
          manifestSaName: m.spec.smartAccount,
          assignedVaId: m.vaId,
          reportCount: m.reportCount,
          status: m.vaId ? ("PROCESSING" as const) : ("AWAITING_VA" as const),
          messages: m.warnings,
        })),
      );
    }
    const vaIds = [...new Set(members.map((m) => m.vaId).filter((id): id is string => Boolean(id)))];
    await (opts.events ?? writeEvents)(tx, [
      {
        type: "E-15",
        params: { file: fileName, size: formatFileSize(source.sizeBytes) },
        actor,
        smartAccountId: sa.id,
        virtualAccountId: fileVaId,
        alsoVirtualAccountIds: vaIds,
        shownIn: vaIds.length ? ["VA"] : ["SA"],
        occurredAt: at,
        data: { usageDataFileId: file.id, virtualAccounts: vaIds.map((id) => vaName.get(id)) },
      },
    ]);
    if (status === "PROCESSING" && opts.enqueue !== false) await queueProcessing(tx, file.id, at);
    return { id: file.id, fileName, status };
  });
}

/** W-10 step 5: the job starts USAGE_PROCESSING_DELAY_MS after the file is ready. */
export async function queueProcessing(tx: DbOrTx, fileId: string, at: Date = now()): Promise<void> {
  await enqueueJob(tx, USAGE_FILE_JOB, { fileId }, new Date(at.getTime() + usageConfig.processingDelayMs), `usage-file:${fileId}`);
}
