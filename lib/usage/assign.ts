import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { usageDataFiles, usageFileMembers } from "@/db/schema";
import { type AccessContext, requireSmartAccount } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { type EventSink, writeEvents } from "./events";
import { queueProcessing, writableVirtualAccounts } from "./upload";

export const SELECT_ACCOUNT = "Select a virtual account.";

/** The `Select Virtual Accounts` choice: one VA for every waiting member, or one per member. */
export const assignVirtualAccountsSchema = z.discriminatedUnion("mode", [
  z.object({ fileId: z.uuid(), mode: z.literal("all"), virtualAccountId: z.uuid({ message: SELECT_ACCOUNT }) }),
  z.object({ fileId: z.uuid(), mode: z.literal("each"), members: z.record(z.uuid(), z.uuid({ message: SELECT_ACCOUNT })) }),
]);
export type AssignVirtualAccountsInput = z.infer<typeof assignVirtualAccountsSchema>;

/**
 * W-10 step 4: `OK` of `Select Virtual Accounts`. Only VAs of the file's SA that the user can
 * write (D-3) are accepted; the file must still be waiting (V-3). Sets the members' VA, moves
 * the file to PROCESSING, writes E-16 per chosen VA and queues processing.
 */
export async function assignVirtualAccounts(
  tx: DbOrTx,
  ctx: AccessContext,
  actor: Actor,
  input: AssignVirtualAccountsInput,
  opts: { at?: Date; enqueue?: boolean; events?: EventSink } = {},
) {
  const at = opts.at ?? now();
  const [file] = await tx.select().from(usageDataFiles).where(eq(usageDataFiles.id, input.fileId)).for("update");
  if (!file) throw new NotFoundError();
  await requireSmartAccount(tx, ctx, file.smartAccountId);
  const { writable } = await writableVirtualAccounts(tx, ctx, file.smartAccountId);
  if (writable.length === 0) throw new ForbiddenError();
  if (file.status !== "AWAITING_VA") throw new ValidationError(STALE_ITEM);

  const members = await tx.select().from(usageFileMembers).where(eq(usageFileMembers.fileId, file.id));
  const waiting = members.filter((m) => !m.assignedVaId);
  const byId = new Map(writable.map((v) => [v.id, v]));
  const chosen = new Map<string, string>();
  for (const m of waiting) {
    const vaId = input.mode === "all" ? input.virtualAccountId : input.members[m.id];
    if (!vaId) throw new ValidationError(SELECT_ACCOUNT, `members.${m.id}`);
    if (!byId.has(vaId)) throw new ForbiddenError();
    chosen.set(m.id, vaId);
  }
  for (const [memberId, vaId] of chosen) {
    await tx
      .update(usageFileMembers)
      .set({ assignedVaId: vaId, status: "PROCESSING" })
      .where(and(eq(usageFileMembers.id, memberId), eq(usageFileMembers.fileId, file.id)));
  }
  const firstVa = members[0].assignedVaId ?? chosen.get(members[0].id)!;
  await tx
    .update(usageDataFiles)
    .set({ status: "PROCESSING", virtualAccountId: firstVa })
    .where(eq(usageDataFiles.id, file.id));
  await tx.update(usageFileMembers).set({ status: "PROCESSING" }).where(eq(usageFileMembers.fileId, file.id));
  const vaIds = [...new Set(chosen.values())];
  await (opts.events ?? writeEvents)(
    tx,
    vaIds.map((vaId) => ({
      type: "E-16" as const,
      params: { file: file.fileName, va: byId.get(vaId)!.name },
      actor,
      smartAccountId: file.smartAccountId,
      virtualAccountId: vaId,
      occurredAt: at,
      data: { usageDataFileId: file.id },
    })),
  );
  if (opts.enqueue !== false) await queueProcessing(tx, file.id, at);
  return { fileId: file.id, virtualAccounts: vaIds.map((id) => byId.get(id)!.name) };
}
