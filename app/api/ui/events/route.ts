import { eventFilterSchema, queryEvents } from "@/lib/events/query";
import { userColumn } from "@/lib/events/record";
import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";

export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = eventFilterSchema.parse(searchParamsObject(url));
  const result = await queryEvents(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  return json(200, {
    rows: result.rows.map((r) => ({ id: r.id, message: r.message, time: formatTimestamp(r.occurredAt, tz), user: userColumn(r) })),
    total: result.total,
    page: filter.page,
    pageSize: filter.pageSize,
    pageCount: result.pageCount,
  });
});
