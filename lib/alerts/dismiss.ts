import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts } from "@/db/schema";
import { type AccessContext, assertCan, requireVirtualAccount, seesWholeAccount } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { eventText } from "./types";

export const MAJOR_NOT_DISMISSIBLE = "Major alerts cannot be dismissed.";
export const ALREADY_DISMISSED = "This alert is already dismissed.";

/**
 * W-57: sets `dismissed_at` on an open Minor or Informational alert and writes E-61. The alert
 * stays open (hidden) until its condition clears. Allowed to the users who may act in the alert's
 * VA (SA Admin/User, VA Admin/User there); viewers only read, and SA-level alerts need an SA role.
 */
export async function dismissAlert(tx: DbOrTx, ctx: AccessContext, actor: Actor, alertId: string): Promise<void> {
  const [alert] = await tx.select().from(alerts).where(eq(alerts.id, alertId)).for("update");
  if (!alert || alert.clearedAt) throw new NotFoundError();
  if (alert.virtualAccountId) await requireVirtualAccount(tx, ctx, alert.virtualAccountId);
  else if (!seesWholeAccount(ctx, alert.smartAccountId)) throw new NotFoundError();
  assertCan(ctx, "alert.dismiss", { saId: alert.smartAccountId, vaId: alert.virtualAccountId });
  if (alert.severity === "MAJOR") throw new ValidationError(MAJOR_NOT_DISMISSIBLE);
  if (alert.dismissedAt) throw new ValidationError(ALREADY_DISMISSED);
  await tx
    .update(alerts)
    .set({ dismissedAt: now(), dismissedBy: actor.kind === "user" ? actor.userId : null })
    .where(eq(alerts.id, alert.id));
  await recordEvent(tx, {
    type: "E-61",
    params: { change: "dismissed", alert: eventText(alert.message) },
    actor,
    smartAccountId: alert.smartAccountId,
    virtualAccountId: alert.virtualAccountId,
    productInstanceId: alert.productInstanceId,
    licenseDefinitionId: alert.licenseDefinitionId,
  });
}
