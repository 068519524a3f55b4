import { alertFilterSchema, alertSummary, queryAlerts } from "@/lib/alerts/query";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";

/** S-5 list and summary counters. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = alertFilterSchema.parse(searchParamsObject(url));
  const tz = await userTimeZone(db, ctx.user.id);
  const result = await queryAlerts(db, ctx, filter, tz);
  const counts = await alertSummary(db, ctx, filter.sa);
  return json(200, {
    rows: result.rows,
    total: result.total,
    page: filter.page,
    pageSize: filter.pageSize,
    pageCount: result.pageCount,
    counts,
  });
});
