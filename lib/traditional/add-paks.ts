import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { paks, userPaks } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { canSeeTrad } from "./access";
import { recordTradEvent } from "./events";
import { TRAD_MSG } from "./messages";

/** S-52 `Add New PAKs/Tokens...`: up to 10 PAKs, one per line. */
export const addPaksSchema = z.object({
  paks: z
    .string()
    .transform((text) => text.split(/\r?\n/).map((l) => l.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, TRAD_MSG.noPaks).max(10, TRAD_MSG.maxPaks)),
});
export type AddPaksInput = z.input<typeof addPaksSchema>;

/**
 * Adds PAKs to the user's list (E-100 each). A PAK must exist and be unowned (the user becomes its
 * owner), already be the user's, or be visible through the user's Smart Account or VA roles
 * (V-50); anything else is answered as not found. One bad PAK refuses the whole list.
 */
export async function addPaks(tx: Tx, ctx: AccessContext, actor: Actor, raw: AddPaksInput): Promise<{ added: string[] }> {
  const { paks: list } = addPaksSchema.parse(raw);
  const at = now();
  const added: string[] = [];
  for (const pak of new Set(list)) {
    if (!/^[A-Z0-9]{11}$/.test(pak)) throw new ValidationError(TRAD_MSG.pakFormat, "paks");
    const [row] = await tx.select().from(paks).where(eq(paks.pak, pak)).for("update");
    if (!row) throw new ValidationError(TRAD_MSG.pakNotFound(pak), "paks");
    if (row.ownerUserId === null) {
      await tx.update(paks).set({ ownerUserId: ctx.user.id }).where(eq(paks.id, row.id));
    } else if (!canSeeTrad(ctx, row)) {
      throw new ValidationError(TRAD_MSG.pakNotFound(pak), "paks");
    }
    await tx.insert(userPaks).values({ userId: ctx.user.id, pakId: row.id, addedAt: at }).onConflictDoNothing();
    await recordTradEvent(tx, { type: "E-100", params: { pak }, actor, data: { pakId: row.id, pak }, occurredAt: at });
    added.push(pak);
  }
  return { added };
}
