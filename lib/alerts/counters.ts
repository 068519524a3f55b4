import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts } from "@/db/schema";

export type Counts = { major: number; minor: number };

const open = and(isNull(alerts.clearedAt), isNull(alerts.dismissedAt));

/** P-12 VA counter bar: uncleared, undismissed Major and Minor alerts scoped to each VA or its PIs/licenses. */
export async function alertCountsByVa(db: DbOrTx, vaIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(vaIds.map((id) => [id, { major: 0, minor: 0 }]));
  if (vaIds.length === 0) return out;
  const rows = await db
    .select({
      vaId: alerts.virtualAccountId,
      major: sql<number>`count(*) filter (where ${alerts.severity} = 'MAJOR')`.mapWith(Number),
      minor: sql<number>`count(*) filter (where ${alerts.severity} = 'MINOR')`.mapWith(Number),
    })
    .from(alerts)
    .where(and(open, inArray(alerts.virtualAccountId, vaIds)))
    .groupBy(alerts.virtualAccountId);
  for (const r of rows) if (r.vaId) out.set(r.vaId, { major: r.major, minor: r.minor });
  return out;
}

/** The VA alert panel of S-6: up to five, Major first, then by Action Due. */
export async function topVaAlerts(db: DbOrTx, vaId: string, limit = 5) {
  return db
    .select()
    .from(alerts)
    .where(and(open, eq(alerts.virtualAccountId, vaId)))
    .orderBy(
      sql`case ${alerts.severity} when 'MAJOR' then 0 when 'MINOR' then 1 else 2 end`,
      // `Immediately` (P-11) comes before any date, `-` after.
      sql`case when ${alerts.type} in ('INSUFFICIENT_LICENSES', 'AUTHORIZATION_PENDING') then 0 when ${alerts.actionDueAt} is null then 2 else 1 end`,
      asc(alerts.actionDueAt),
      desc(alerts.raisedAt),
    )
    .limit(limit);
}
