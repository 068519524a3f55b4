import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userPreferences } from "@/db/schema";

/** The user's display time zone (D-28), UTC by default. */
export async function userTimeZone(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db
    .select({ tz: userPreferences.timeZone })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId), isNull(userPreferences.smartAccountId)));
  return row?.tz ?? "UTC";
}
