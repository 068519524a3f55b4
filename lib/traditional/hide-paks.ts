import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { paks, tradHiddenPaks } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { canSeeTrad } from "./access";

/** S-52 `Manage PAKs ▾` › `Hide` / `Unhide`: a per-user view setting, so it writes no event. */
export const hidePaksSchema = z.object({ pakIds: z.array(z.string().uuid()).min(1).max(500), hidden: z.boolean() });
export type HidePaksInput = z.input<typeof hidePaksSchema>;

export async function hidePaks(tx: Tx, ctx: AccessContext, raw: HidePaksInput): Promise<{ count: number }> {
  const input = hidePaksSchema.parse(raw);
  const ids = [...new Set(input.pakIds)];
  const rows = await tx.select().from(paks).where(inArray(paks.id, ids));
  if (rows.length !== ids.length || !rows.every((r) => canSeeTrad(ctx, r))) throw new NotFoundError();
  if (input.hidden) {
    await tx
      .insert(tradHiddenPaks)
      .values(ids.map((pakId) => ({ userId: ctx.user.id, pakId, hiddenAt: now() })))
      .onConflictDoNothing();
  } else {
    await tx.delete(tradHiddenPaks).where(and(eq(tradHiddenPaks.userId, ctx.user.id), inArray(tradHiddenPaks.pakId, ids)));
  }
  return { count: ids.length };
}
