import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { ledgerFilterSchema, queryLedger } from "@/lib/licensing/ledger";
import { userTimeZone } from "@/lib/preferences/time-zone";

/** S-31 list. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const f = ledgerFilterSchema.parse(searchParamsObject(url));
  const result = await queryLedger(db, ctx, f);
  const tz = await userTimeZone(db, ctx.user.id);
  return json(200, {
    rows: result.rows.map((r) => ({ ...r, occurredAt: undefined, date: formatTimestamp(r.occurredAt, tz) })),
    total: result.total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: result.pageCount,
  });
});
