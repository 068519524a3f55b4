import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseUsage, productInstances, smartAccounts, virtualAccounts } from "@/db/schema";
import { scheduleAlertRecompute } from "@/lib/alerts/schedule";
import { categoryOf, nextReportDue, type PolicyCategory, rulesForVirtualAccounts } from "./next-report-due";

const CHUNK = 1000;

/**
 * After a policy change: recomputes the cached P-7 `next_report_due_at` of every PI in the given
 * VAs of one Smart Account, and queues their alert recompute (P-11 a), in the caller's transaction.
 */
export async function refreshNextReportDue(tx: DbOrTx, smartAccountId: string, vaIds: string[]): Promise<void> {
  if (vaIds.length === 0) return;
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, smartAccountId));
  const vas = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, smartAccountId), inArray(virtualAccounts.id, vaIds), isNull(virtualAccounts.deletedAt)));
  if (!sa || vas.length === 0) return;
  const ids = vas.map((v) => v.id);
  const rules = await rulesForVirtualAccounts(tx, sa, vas);
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
    .where(inArray(productInstances.virtualAccountId, ids));
  // P-5: the categories of the licenses each PI currently uses (count > 0 in any source).
  const usage = await tx
    .selectDistinct({ piId: licenseUsage.productInstanceId, enforcement: licenseDefinitions.enforcement, duration: licenseDefinitions.duration })
    .from(licenseUsage)
    .innerJoin(productInstances, eq(productInstances.id, licenseUsage.productInstanceId))
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
    .where(and(inArray(productInstances.virtualAccountId, ids), gt(licenseUsage.count, 0)));
  const categories = new Map<string, PolicyCategory[]>();
  for (const u of usage) categories.set(u.piId, [...(categories.get(u.piId) ?? []), categoryOf(u.enforcement, u.duration)]);

  const changed: { id: string; due: Date | null }[] = [];
  for (const pi of pis) {
    const due = nextReportDue({ ...pi, categories: categories.get(pi.id) ?? [] }, rules.get(pi.virtualAccountId)!);
    if ((due?.getTime() ?? null) !== (pi.nextReportDueAt?.getTime() ?? null)) changed.push({ id: pi.id, due });
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    const rows = sql.join(
      changed.slice(i, i + CHUNK).map((c) => sql`(${c.id}::uuid, ${c.due?.toISOString() ?? null}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${productInstances} set next_report_due_at = v.due from (values ${rows}) as v(id, due) where ${productInstances.id} = v.id`,
    );
  }
  for (const va of vas) await scheduleAlertRecompute(tx, { smartAccountId, virtualAccountId: va.id });
}
