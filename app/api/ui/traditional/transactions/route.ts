import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { listTransactions, transactionListSchema, type TransactionRow } from "@/lib/traditional/list-transactions";

export type TransactionListResponse = Omit<Awaited<ReturnType<typeof listTransactions>>, "rows"> & {
  rows: (Omit<TransactionRow, "occurredAt"> & { date: string })[];
};

/** S-58 list. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = transactionListSchema.parse(searchParamsObject(url));
  const result = await listTransactions(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: TransactionListResponse = {
    ...result,
    rows: result.rows.map(({ occurredAt, ...r }) => ({ ...r, date: formatTimestamp(occurredAt, tz) })),
  };
  return json(200, body);
});
