import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts, smartAccounts, userPreferences, users } from "@/db/schema";
import { can, loadAccess } from "@/lib/access/context";
import { formatDate } from "@/lib/format";
import { inScope, parseNotify, queueMail } from "./notify";
import { ALERT_LABELS, notifyKeyOf, SEVERITY_LABELS } from "./types";

/**
 * W-56 daily summary: one message per user and Smart Account, listing the open alerts of the
 * types the user put in the summary (S-29) that the user may see. Nothing is sent when none is open.
 */
export async function sendDailySummaries(db: DbOrTx, at: Date): Promise<number> {
  const prefs = await db
    .select({ userId: userPreferences.userId, saId: userPreferences.smartAccountId, notify: userPreferences.notify, email: users.email, disabledAt: users.disabledAt, saName: smartAccounts.name })
    .from(userPreferences)
    .innerJoin(users, eq(users.id, userPreferences.userId))
    .innerJoin(smartAccounts, eq(smartAccounts.id, userPreferences.smartAccountId))
    .where(isNotNull(userPreferences.smartAccountId));
  let sent = 0;
  for (const p of prefs) {
    const settings = parseNotify(p.notify);
    if (p.disabledAt || !Object.values(settings).some((v) => v && "summary" in v && v.summary)) continue;
    const ctx = await loadAccess(db, p.userId);
    if (!ctx) continue;
    const open = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.smartAccountId, p.saId!), isNull(alerts.clearedAt), isNull(alerts.dismissedAt)))
      .orderBy(asc(alerts.severity), asc(alerts.actionDueAt));
    const mine = open.filter(
      (a) =>
        settings[notifyKeyOf(a.type)]?.summary &&
        inScope(settings, a.virtualAccountId) &&
        can(ctx, "view", { saId: a.smartAccountId, vaId: a.virtualAccountId }),
    );
    if (mine.length === 0) continue;
    const lines = mine.map((a) => `${SEVERITY_LABELS[a.severity]} - ${ALERT_LABELS[a.type]}: ${a.message}`);
    await queueMail(db, [p.email], `Daily alert summary for ${p.saName} (${formatDate(at)})`, lines.join("\n"));
    sent++;
  }
  return sent;
}
