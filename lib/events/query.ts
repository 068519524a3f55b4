import { and, arrayContains, arrayOverlaps, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { events } from "@/db/schema";
import {
  type AccessContext,
  assertCan,
  requireSmartAccount,
  requireVirtualAccount,
  seesWholeAccount,
  visibleVirtualAccounts,
} from "@/lib/access/context";
import { ForbiddenError, NotFoundError } from "@/lib/access/errors";
import { requireProductInstance } from "@/lib/inventory/detail";
import { EVENT_CATEGORIES } from "./catalog";


/** One filter shape for S-20 (VA), S-32 (Activity), S-24 (Convert) and the S-34 ops log; shared by the list and CSV routes. */
export const eventFilterSchema = z.object({
  scope: z.enum(["va", "sa", "ops", "pi", "conv"]),
  id: z.string().uuid().optional(),
  va: z.string().uuid().optional(),
  category: z.enum(EVENT_CATEGORIES).optional(),
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** The WHERE clause for what the caller may see, or a thrown NotFound/Forbidden. */
async function visibility(db: DbOrTx, ctx: AccessContext, f: EventFilter): Promise<{ where: SQL; smartAccountName?: string }> {
  if (f.scope === "ops") {
    if (!ctx.user.licensingOps) throw new ForbiddenError();
    return { where: sql`'OPS' = any(${events.shownIn})` };
  }
  if (!f.id) throw new NotFoundError();
  if (f.scope === "pi") {
    const { pi, va } = await requireProductInstance(db, ctx, f.id);
    const sa = await requireSmartAccount(db, ctx, va.smartAccountId);
    return { where: and(sql`'PI' = any(${events.shownIn})`, eq(events.productInstanceId, pi.id))!, smartAccountName: sa.name };
  }
  if (f.scope === "va") {
    const va = await requireVirtualAccount(db, ctx, f.id);
    assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
    const sa = await requireSmartAccount(db, ctx, va.smartAccountId);
    return {
      where: and(sql`'VA' = any(${events.shownIn})`, arrayContains(events.vaIds, [va.id]))!,
      smartAccountName: sa.name,
    };
  }
  const sa = await requireSmartAccount(db, ctx, f.id);
  assertCan(ctx, "view", { saId: sa.id });
  // S-24 lists the CONV events of the Smart Account; S-32 its SA and VA events.
  const shown = f.scope === "conv" ? sql`'CONV' = any(${events.shownIn})` : sql`(${events.shownIn} && array['SA','VA']::text[])`;
  const inSa = and(eq(events.smartAccountId, sa.id), shown)!;
  const parts: SQL[] = [inSa];
  if (!seesWholeAccount(ctx, sa.id)) {
    const mine = (await visibleVirtualAccounts(db, ctx, sa.id)).map((v) => v.id);
    parts.push(arrayOverlaps(events.vaIds, mine.length ? mine : ["00000000-0000-0000-0000-000000000000"]));
  }
  if (f.va) parts.push(arrayContains(events.vaIds, [f.va]));
  return { where: and(...parts)!, smartAccountName: sa.name };
}

export async function queryEvents(db: DbOrTx, ctx: AccessContext, f: EventFilter, opts: { all?: boolean } = {}) {
  const { where, smartAccountName } = await visibility(db, ctx, f);
  const filters = [where];
  if (f.category) filters.push(eq(events.category, f.category));
  if (f.q) filters.push(ilike(events.message, `%${escapeLike(f.q)}%`));
  const condition = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(events).where(condition);
  const base = db
    .select({
      id: events.id,
      message: events.message,
      occurredAt: events.occurredAt,
      actorLabel: events.actorLabel,
      userId: events.userId,
      type: events.type,
    })
    .from(events)
    .where(condition)
    .orderBy(desc(events.occurredAt), desc(events.id));
  const rows = opts.all ? await base.limit(100_000) : await base.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / f.pageSize)), smartAccountName };
}

