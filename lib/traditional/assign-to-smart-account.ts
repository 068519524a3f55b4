import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { paks, tradDevices } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { canSeeTrad, canWriteTrad, requireWritableVirtualAccount } from "./access";
import { recordTradEvent } from "./events";
import { TRAD_MSG } from "./messages";

/** W-48: PAKs (S-52) or devices (S-54) into a Smart Account and VA the user can write. */
export const assignSchema = z.object({
  kind: z.enum(["PAK", "DEVICE"]),
  ids: z.array(z.string().uuid()).min(1).max(200),
  virtualAccountId: z.string({ message: TRAD_MSG.vaRequired }).uuid(TRAD_MSG.vaRequired),
});
export type AssignInput = z.input<typeof assignSchema>;

/**
 * Sets `smart_account_id`/`virtual_account_id`; the PAK then shows in CSSM S-21 (E-45 in CONV),
 * the device in S-22. Event E-107 for each.
 */
export async function assignToSmartAccount(tx: Tx, ctx: AccessContext, actor: Actor, raw: AssignInput): Promise<{ count: number }> {
  const input = assignSchema.parse(raw);
  const target = await requireWritableVirtualAccount(tx, ctx, input.virtualAccountId);
  const ids = [...new Set(input.ids)];
  const table = input.kind === "PAK" ? paks : tradDevices;
  const rows = await tx.select().from(table).where(inArray(table.id, ids)).for("update");
  if (rows.length !== ids.length || !rows.every((r) => canSeeTrad(ctx, r))) throw new NotFoundError();
  if (!rows.every((r) => canWriteTrad(ctx, r))) throw new ForbiddenError();
  const at = now();
  const params = { sa: target.smartAccountName, va: target.virtualAccountName };
  for (const row of rows) {
    await tx
      .update(table)
      .set({ smartAccountId: target.smartAccountId, virtualAccountId: target.virtualAccountId })
      .where(eq(table.id, row.id));
    if ("pak" in row) {
      await recordTradEvent(tx, {
        type: "E-107",
        params: { kind: "PAK", id: row.pak, ...params },
        actor,
        data: { pakId: row.id, pak: row.pak, smartAccountId: target.smartAccountId, virtualAccountId: target.virtualAccountId },
        occurredAt: at,
      });
      await recordEvent(tx, {
        type: "E-45",
        params: { pak: row.pak },
        actor,
        smartAccountId: target.smartAccountId,
        virtualAccountId: target.virtualAccountId,
        data: { pakId: row.id, pak: row.pak },
        occurredAt: at,
      });
    } else {
      const udi = `${row.udiPid}:${row.udiSn}`;
      await recordTradEvent(tx, {
        type: "E-107",
        params: { kind: "Device", id: udi, ...params },
        actor,
        data: { deviceId: row.id, udi, smartAccountId: target.smartAccountId, virtualAccountId: target.virtualAccountId },
        occurredAt: at,
      });
    }
  }
  return { count: rows.length };
}
