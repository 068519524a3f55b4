import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userPreferences } from "@/db/schema";

/** S-6 `Hide Alerts`, saved per user and Smart Account in D-28. */
export async function getHideAlerts(db: DbOrTx, userId: string, saId: string): Promise<boolean> {
  const [row] = await db
    .select({ hide: userPreferences.hideAlerts })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId), eq(userPreferences.smartAccountId, saId)));
  return row?.hide ?? false;
}

export async function setHideAlerts(db: DbOrTx, userId: string, saId: string, hide: boolean): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, smartAccountId: saId, hideAlerts: hide })
    .onConflictDoUpdate({ target: [userPreferences.userId, userPreferences.smartAccountId], set: { hideAlerts: hide } });
}
