import { and, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, registrationTokens, virtualAccounts } from "@/db/schema";
import { now } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { decryptToken } from "./crypto";
import { tokenLabel } from "./format";

type Row = typeof registrationTokens.$inferSelect;

/** E-7 once per token: `expired`, or `maximum uses reached` when the uses ran out first. */
export async function recordTokenNoLongerValid(db: DbOrTx, token: Row, at = now()): Promise<boolean> {
  const [already] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.type, "E-7"), sql`${events.data}->>'tokenId' = ${token.id}`))
    .limit(1);
  if (already) return false;
  const [va] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, token.virtualAccountId));
  const usedUp = token.maxUses != null && token.uses >= token.maxUses;
  await recordEvent(db, {
    type: "E-7",
    params: { label: tokenLabel(token.description, decryptToken(token.tokenCiphertext)), why: usedUp ? "maximum uses reached" : "expired" },
    actor: SYSTEM,
    smartAccountId: va?.smartAccountId ?? null,
    virtualAccountId: token.virtualAccountId,
    data: { tokenId: token.id },
    occurredAt: at,
  });
  return true;
}

/** Daily job: writes E-7 for each unrevoked token that expired or was used up since the last run. */
export async function recordExpiredTokens(db: DbOrTx, at = now()): Promise<number> {
  const rows = await db
    .select()
    .from(registrationTokens)
    .where(
      and(
        isNull(registrationTokens.revokedAt),
        or(
          lte(registrationTokens.expiresAt, at),
          and(isNotNull(registrationTokens.maxUses), sql`${registrationTokens.uses} >= ${registrationTokens.maxUses}`),
        ),
      ),
    );
  let written = 0;
  for (const row of rows) if (await recordTokenNoLongerValid(db, row, at)) written++;
  return written;
}
