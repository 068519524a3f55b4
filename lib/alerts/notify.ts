import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { now } from "@/lib/clock";
import { outbox, userPreferences, users } from "@/db/schema";
import { can, loadAccess } from "@/lib/access/context";
import { NOTIFY_ROWS, type NotifyKey } from "./types";

const flagSchema = z.object({ email: z.boolean().default(false), summary: z.boolean().default(false) });

/** D-28 `notify`: S-29 row key → `{email, summary}`, plus the VA scope of S-29. */
export const notifySchema = z.object({
  ...Object.fromEntries(NOTIFY_ROWS.map((r) => [r.key, flagSchema.optional()])),
  scope: z.object({ all: z.boolean().default(true), vaIds: z.array(z.string().uuid()).default([]) }).optional(),
}) as unknown as z.ZodType<NotifySettings>;

export type NotifySettings = Partial<Record<NotifyKey, { email: boolean; summary: boolean }>> & {
  scope?: { all: boolean; vaIds: string[] };
};

export function parseNotify(raw: unknown): NotifySettings {
  const parsed = notifySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

export function inScope(settings: NotifySettings, vaId: string | null): boolean {
  const scope = settings.scope ?? { all: true, vaIds: [] };
  return scope.all || vaId === null || scope.vaIds.includes(vaId);
}

/**
 * The users of a Smart Account whose S-29 preferences opt in to `key` (e-mail or daily summary)
 * for an item in `vaId`, and who may still view it (D-3).
 */
export async function optedInUsers(
  db: DbOrTx,
  smartAccountId: string,
  key: NotifyKey,
  vaId: string | null,
  channel: "email" | "summary",
): Promise<{ userId: string; email: string }[]> {
  const rows = await db
    .select({ userId: userPreferences.userId, notify: userPreferences.notify, email: users.email, disabledAt: users.disabledAt })
    .from(userPreferences)
    .innerJoin(users, eq(users.id, userPreferences.userId))
    .where(eq(userPreferences.smartAccountId, smartAccountId));
  const out: { userId: string; email: string }[] = [];
  for (const r of rows) {
    if (r.disabledAt) continue;
    const settings = parseNotify(r.notify);
    if (!settings[key]?.[channel] || !inScope(settings, vaId)) continue;
    const ctx = await loadAccess(db, r.userId);
    if (!ctx || !can(ctx, "view", { saId: smartAccountId, vaId })) continue;
    out.push({ userId: r.userId, email: r.email });
  }
  return out;
}

export async function queueMail(db: DbOrTx, to: string[], subject: string, body: string): Promise<void> {
  if (to.length === 0) return;
  // The mailbox shows when a message was sent: the app's clock, not the database's (lib/clock.ts).
  const createdAt = now();
  await db.insert(outbox).values(to.map((t) => ({ to: t, subject, body, createdAt })));
}
