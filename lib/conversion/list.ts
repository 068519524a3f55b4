import { and, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { paks, tradDevices, virtualAccounts } from "@/db/schema";
import { escapeLike } from "@/lib/lists/paging";
import type { ConversionListFilter } from "./schemas";

type Paging = Pick<ConversionListFilter, "page" | "pageSize">;

/**
 * The S-21..S-23 filter: rows of the Smart Account, for VA roles (`vaIds`) only those of their VAs
 * (none when they have none), and when searching those `search` matches with the `%q%` pattern.
 */
export function conversionListWhere(
  columns: { smartAccountId: AnyPgColumn; virtualAccountId: AnyPgColumn },
  vaIds: string[] | null,
  f: ConversionListFilter,
  search: (like: string) => SQL | undefined,
  ...extra: SQL[]
): SQL | undefined {
  const parts: SQL[] = [eq(columns.smartAccountId, f.sa), ...extra];
  if (vaIds) parts.push(vaIds.length ? inArray(columns.virtualAccountId, vaIds) : sql`false`);
  if (f.q) parts.push(search(`%${escapeLike(f.q)}%`)!);
  return and(...parts);
}

/** The answer of a paginated list (S-0). */
export function listPage<R>(rows: R[], total: number, f: Paging) {
  return { rows, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

/** One page of PAKs (S-21) or traditional devices (S-22), each with its VA's name, and how many match in all. */
export async function pageWithVaName<T extends typeof paks | typeof tradDevices>(db: DbOrTx, table: T, where: SQL | undefined, orderBy: SQL[], f: Paging) {
  // Drizzle cannot type a FROM over a union of tables; the query is the same for either.
  const from = table as typeof paks;
  const withVa = eq(virtualAccounts.id, from.virtualAccountId);
  const [{ total }] = await db.select({ total: count() }).from(from).leftJoin(virtualAccounts, withVa).where(where);
  const rows = await db
    .select({ row: from, vaName: virtualAccounts.name })
    .from(from)
    .leftJoin(virtualAccounts, withVa)
    .where(where)
    .orderBy(...orderBy)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows: rows as unknown as { row: T["$inferSelect"]; vaName: string | null }[], total };
}
