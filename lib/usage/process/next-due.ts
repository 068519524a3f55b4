import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseUsage, productInstances } from "@/db/schema";
import { categoryOf, nextReportDue, type PolicyCategory } from "@/lib/policy/next-report-due";
import type { ProcessEnv } from "./env";

/** W-10 step 6.9: `next_report_due_at` (P-7, P-6, P-10) of the touched PIs, written where it changed. */
export async function recomputeNextReportDue(tx: DbOrTx, env: ProcessEnv, piIds: string[]): Promise<Map<string, Date | null>> {
  const out = new Map<string, Date | null>();
  for (let i = 0; i < piIds.length; i += 1000) {
    const part = piIds.slice(i, i + 1000);
    const pis = await tx
      .select({
        id: productInstances.id,
        virtualAccountId: productInstances.virtualAccountId,
        firstConsumedAt: productInstances.firstConsumedAt,
        lastAckAt: productInstances.lastAckAt,
        utilityMode: productInstances.utilityMode,
        nextReportDueAt: productInstances.nextReportDueAt,
      })
      .from(productInstances)
      .where(inArray(productInstances.id, part));
    const usage = await tx
      .select({ pi: licenseUsage.productInstanceId, enforcement: licenseDefinitions.enforcement, duration: licenseDefinitions.duration })
      .from(licenseUsage)
      .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
      .where(and(inArray(licenseUsage.productInstanceId, part), gt(licenseUsage.count, 0)));
    const categories = new Map<string, PolicyCategory[]>();
    for (const u of usage) categories.set(u.pi, [...(categories.get(u.pi) ?? []), categoryOf(u.enforcement, u.duration)]);
    const changed: { id: string; due: Date | null }[] = [];
    for (const pi of pis) {
      const rules = env.rules.get(pi.virtualAccountId);
      const due = rules ? nextReportDue({ ...pi, categories: categories.get(pi.id) ?? [] }, rules) : null;
      out.set(pi.id, due);
      if ((due?.getTime() ?? null) !== (pi.nextReportDueAt?.getTime() ?? null)) changed.push({ id: pi.id, due });
    }
    if (changed.length) {
      const values = sql.join(changed.map((c) => sql`(${c.id}::uuid, ${c.due?.toISOString() ?? null}::timestamptz)`), sql`, `);
      await tx.execute(sql`update ${productInstances} as p set next_report_due_at = v.due from (values ${values}) as v(id, due) where p.id = v.id`);
    }
  }
  return out;
}
