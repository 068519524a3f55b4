import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseTransactions, users, virtualAccounts } from "@/db/schema";
import { type AccessContext, assertCan, requireSmartAccount, visibleVirtualAccounts } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { TRANSACTION_LABELS } from "./ledger-labels";

export { TRANSACTION_LABELS };

export type TransactionType = keyof typeof TRANSACTION_LABELS;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ledgerFilterSchema = z.object({
  sa: z.string().uuid(),
  va: z.string().uuid().optional(),
  type: z.enum(Object.keys(TRANSACTION_LABELS) as [TransactionType, ...TransactionType[]]).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

export type LedgerRow = {
  id: string;
  occurredAt: Date;
  transaction: string;
  license: string;
  sku: string;
  quantity: string;
  virtualAccount: string;
  reference: string;
  user: string;
};


/** S-31: the D-7 ledger of the VAs the user can see in a Smart Account, newest first. */
export async function queryLedger(db: DbOrTx, ctx: AccessContext, f: LedgerFilter, opts: { all?: boolean } = {}) {
  const sa = await requireSmartAccount(db, ctx, f.sa);
  assertCan(ctx, "view", { saId: sa.id });
  const vas = await visibleVirtualAccounts(db, ctx, sa.id);
  if (f.va && !vas.some((v) => v.id === f.va)) throw new NotFoundError();
  const vaIds = f.va ? [f.va] : vas.map((v) => v.id);
  if (vaIds.length === 0) return { rows: [] as LedgerRow[], total: 0, pageCount: 1, smartAccountName: sa.name };

  const counterpart = alias(virtualAccounts, "counterpart");
  const parts: SQL[] = [eq(licenseTransactions.smartAccountId, sa.id), inArray(licenseTransactions.virtualAccountId, vaIds)];
  if (f.type) parts.push(eq(licenseTransactions.type, f.type));
  if (f.from) parts.push(gte(licenseTransactions.occurredAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) parts.push(lt(licenseTransactions.occurredAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    parts.push(
      or(
        ilike(licenseDefinitions.displayName, like),
        ilike(licenseTransactions.sku, like),
        ilike(licenseTransactions.orderNumber, like),
        ilike(licenseTransactions.pak, like),
      )!,
    );
  }
  const where = and(...parts);
  const [{ total }] = await db
    .select({ total: count() })
    .from(licenseTransactions)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseTransactions.licenseDefinitionId))
    .where(where);
  const base = db
    .select({
      id: licenseTransactions.id,
      occurredAt: licenseTransactions.occurredAt,
      type: licenseTransactions.type,
      delta: licenseTransactions.delta,
      license: licenseDefinitions.displayName,
      sku: licenseTransactions.sku,
      va: virtualAccounts.name,
      counterpart: counterpart.name,
      orderNumber: licenseTransactions.orderNumber,
      pak: licenseTransactions.pak,
      udi: licenseTransactions.udi,
      ccoId: users.ccoId,
    })
    .from(licenseTransactions)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseTransactions.licenseDefinitionId))
    .innerJoin(virtualAccounts, eq(virtualAccounts.id, licenseTransactions.virtualAccountId))
    .leftJoin(counterpart, eq(counterpart.id, licenseTransactions.counterpartVaId))
    .leftJoin(users, eq(users.id, licenseTransactions.userId))
    .where(where)
    .orderBy(desc(licenseTransactions.occurredAt), sql`${licenseTransactions.delta} asc`, desc(licenseTransactions.id));
  const raw = opts.all ? await base.limit(100_000) : await base.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const rows: LedgerRow[] = raw.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    transaction: TRANSACTION_LABELS[r.type],
    license: r.license,
    sku: r.sku ?? "",
    quantity: r.delta > 0 ? `+${r.delta}` : String(r.delta),
    virtualAccount: r.va,
    reference:
      r.type === "TRANSFER_IN"
        ? `From ${r.counterpart ?? ""}`
        : r.type === "TRANSFER_OUT"
          ? `To ${r.counterpart ?? ""}`
          : (r.orderNumber ?? r.pak ?? r.udi ?? ""),
    user: r.ccoId ?? "System",
  }));
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / f.pageSize)), smartAccountName: sa.name };
}
