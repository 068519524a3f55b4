import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { usageDataFiles } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { recordEvent } from "@/lib/events/record";
import { canDownloadFile, requireUsageFile } from "./query";

/**
 * W-10 step 7 `Download`: the stored ACK (`ACK_X.txt`, `ACK_U.tar`, `ACK_U.tar.gz`, F-3) for
 * users who may upload to the file's VAs (D-3; V-2 otherwise), with E-18.
 */
export async function downloadAck(tx: DbOrTx, ctx: AccessContext, actor: Actor, fileId: string) {
  const { file, members } = await requireUsageFile(tx, ctx, fileId);
  const vaIds = [...new Set(members.map((m) => m.assignedVaId))];
  if (!canDownloadFile(ctx, file.smartAccountId, vaIds)) throw new ForbiddenError();
  const [row] = await tx.select({ ackBlob: usageDataFiles.ackBlob }).from(usageDataFiles).where(eq(usageDataFiles.id, file.id));
  if (!row?.ackBlob || !file.ackFileName) throw new NotFoundError();
  const assigned = vaIds.filter((id): id is string => Boolean(id));
  await recordEvent(tx, {
    type: "E-18",
    params: { file: file.fileName },
    actor,
    smartAccountId: file.smartAccountId,
    virtualAccountId: assigned[0],
    alsoVirtualAccountIds: assigned,
    occurredAt: now(),
    data: { usageDataFileId: file.id },
  });
  const contentType =
    file.container === "XML" ? "text/plain; charset=utf-8" : file.container === "TGZ" ? "application/gzip" : "application/x-tar";
  return { fileName: file.ackFileName, bytes: row.ackBlob, contentType };
}
