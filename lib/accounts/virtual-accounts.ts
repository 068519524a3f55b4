import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseLots, onpremLocalAccounts, productInstances, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, visibleVirtualAccounts } from "@/lib/access/context";

export type VirtualAccountSummary = {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  licenses: number;
  productInstances: number;
  onPrem: string | null;
};

/** S-33 Virtual Accounts table: the VAs the user can see, with their license and instance counts. */
export async function listVirtualAccountSummaries(db: DbOrTx, ctx: AccessContext, saId: string): Promise<VirtualAccountSummary[]> {
  assertCan(ctx, "view", { saId });
  const visible = new Set((await visibleVirtualAccounts(db, ctx, saId)).map((v) => v.id));
  const rows = await db
    .select({
      id: virtualAccounts.id,
      name: virtualAccounts.name,
      description: virtualAccounts.description,
      isDefault: virtualAccounts.isDefault,
      licenses: sql<number>`coalesce((select sum(${licenseLots.quantity}) from ${licenseLots} where ${licenseLots.virtualAccountId} = ${virtualAccounts.id} and ${licenseLots.status} = 'ACTIVE'), 0)`.mapWith(Number),
      productInstances: sql<number>`(select count(*) from ${productInstances} where ${productInstances.virtualAccountId} = ${virtualAccounts.id})`.mapWith(Number),
      onPrem: onpremLocalAccounts.name,
    })
    .from(virtualAccounts)
    .leftJoin(onpremLocalAccounts, eq(onpremLocalAccounts.mappedVaId, virtualAccounts.id))
    .where(and(eq(virtualAccounts.smartAccountId, saId), isNull(virtualAccounts.deletedAt)))
    .orderBy(sql`lower(${virtualAccounts.name})`);
  return rows.filter((r) => visible.has(r.id));
}
