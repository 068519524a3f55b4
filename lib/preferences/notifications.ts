import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { userPreferences } from "@/db/schema";
import { type AccessContext, canAccessSmartAccount, visibleVirtualAccounts } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { type NotifySettings, parseNotify } from "@/lib/alerts/notify";
import { NOTIFY_ROWS } from "@/lib/alerts/types";
import { userTimeZone } from "./time-zone";

/** IANA names offered by S-29 `Time Zone`, `UTC` first. */
export function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const flag = z.object({ email: z.boolean(), summary: z.boolean() });

export const preferencesSchema = z.object({
  smartAccountId: z.string().uuid(),
  notify: z.object(Object.fromEntries(NOTIFY_ROWS.map((r) => [r.key, flag])) as Record<(typeof NOTIFY_ROWS)[number]["key"], typeof flag>),
  scope: z.object({ all: z.boolean(), vaIds: z.array(z.string().uuid()).max(500) }),
  timeZone: z.string().min(1).max(64),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export type Preferences = { notify: Required<Omit<NotifySettings, "scope">>; scope: { all: boolean; vaIds: string[] }; timeZone: string };

/** S-29 as saved: the notification choices per Smart Account, the time zone per user (D-28). */
export async function getPreferences(db: DbOrTx, userId: string, smartAccountId: string): Promise<Preferences> {
  const [row] = await db
    .select({ notify: userPreferences.notify })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId), eq(userPreferences.smartAccountId, smartAccountId)));
  const settings = parseNotify(row?.notify);
  const notify = Object.fromEntries(
    NOTIFY_ROWS.map((r) => [r.key, { email: settings[r.key]?.email ?? false, summary: settings[r.key]?.summary ?? false }]),
  ) as Preferences["notify"];
  return { notify, scope: settings.scope ?? { all: true, vaIds: [] }, timeZone: await userTimeZone(db, userId) };
}

/**
 * W-56 save: the notification choices go to the (user, SA) row, the time zone to the user's row
 * without an SA, which is where every screen reads it (lib/preferences/time-zone.ts). A personal
 * setting, so no event is written.
 */
export async function savePreferences(tx: DbOrTx, ctx: AccessContext, input: PreferencesInput): Promise<void> {
  if (!canAccessSmartAccount(ctx, input.smartAccountId)) throw new NotFoundError();
  if (!isTimeZone(input.timeZone)) throw new ValidationError("Select a valid time zone.", "timeZone");
  const visible = new Set((await visibleVirtualAccounts(tx, ctx, input.smartAccountId)).map((v) => v.id));
  const vaIds = input.scope.all ? [] : input.scope.vaIds.filter((id) => visible.has(id));
  if (!input.scope.all && vaIds.length === 0) throw new ValidationError("Select at least one virtual account.", "vaIds");
  const notify = { ...input.notify, scope: { all: input.scope.all, vaIds } };
  await tx
    .insert(userPreferences)
    .values({ userId: ctx.user.id, smartAccountId: input.smartAccountId, notify })
    .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.smartAccountId], set: { notify } });
  // The unique index does not match rows whose smart_account_id is null, so update-or-insert.
  const updated = await tx
    .update(userPreferences)
    .set({ timeZone: input.timeZone })
    .where(and(eq(userPreferences.userId, ctx.user.id), isNull(userPreferences.smartAccountId)))
    .returning({ userId: userPreferences.userId });
  if (updated.length === 0) await tx.insert(userPreferences).values({ userId: ctx.user.id, smartAccountId: null, timeZone: input.timeZone });
}
