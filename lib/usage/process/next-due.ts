import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseUsage, productInstances } from "@/db/schema";
import { categoryOf, nextReportDue, type PolicyCategory } from "@/lib/policy/next-report-due";
import { anyOf, type Column, unnestColumns } from "@/lib/sql/bulk";
import type { ProcessEnv } from "./env";

/**
 * W-10 steps 6.8–6.9 in one statement per 1,000 PIs: `last_ack_at` for the acknowledged ones and
 * `next_report_due_at` (P-7, P-6, P-10) for every touched one, written where either changed.
 */
export async function acknowledgeAndRecomputeDue(tx: DbOrTx, env: ProcessEnv, piIds: string[], acked: Set<string>): Promise<Map<string, Date | null>> {
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
      .where(sql`${productInstances.id} ${anyOf(part, "uuid")}`);
    const usage = await tx
      .select({ pi: licenseUsage.productInstanceId, enforcement: licenseDefinitions.enforcement, duration: licenseDefinitions.duration })
      .from(licenseUsage)
      .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
      .where(and(sql`${licenseUsage.productInstanceId} ${anyOf(part, "uuid")}`, gt(licenseUsage.count, 0)));
    const categories = new Map<string, PolicyCategory[]>();
    for (const u of usage) categories.set(u.pi, [...(categories.get(u.pi) ?? []), categoryOf(u.enforcement, u.duration)]);
    const changed: { id: string; lastAck: Date | null; due: Date | null }[] = [];
    for (const pi of pis) {
      const lastAckAt = acked.has(pi.id) && (!pi.lastAckAt || pi.lastAckAt < env.at) ? env.at : pi.lastAckAt;
      const rules = env.rules.get(pi.virtualAccountId);
      const due = rules ? nextReportDue({ ...pi, lastAckAt, categories: categories.get(pi.id) ?? [] }, rules) : null;
      out.set(pi.id, due);
      if (lastAckAt?.getTime() !== pi.lastAckAt?.getTime() || (due?.getTime() ?? null) !== (pi.nextReportDueAt?.getTime() ?? null)) {
        changed.push({ id: pi.id, lastAck: lastAckAt, due });
      }
    }
    if (changed.length) {
      const values = unnestColumns([
        ["id", "uuid", changed.map((c) => c.id)],
        ["last_ack", "timestamptz", changed.map((c) => c.lastAck)],
        ["due", "timestamptz", changed.map((c) => c.due)],
      ] as Column[]);
      await tx.execute(sql`update ${productInstances} as p set last_ack_at = v.last_ack, next_report_due_at = v.due from ${values} where p.id = v.id`);
    }
  }
  return out;
}
