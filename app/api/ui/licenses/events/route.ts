import { z } from "zod";
import { userColumn } from "@/lib/events/record";
import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { licenseEvents } from "@/lib/licensing/detail";
import { userTimeZone } from "@/lib/preferences/time-zone";

const schema = z.object({
  va: z.string().uuid(),
  license: z.string().uuid(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => [10, 25, 50, 100].includes(n))
    .default(10),
});

/** S-10 `Event Log` tab. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const f = schema.parse(searchParamsObject(url));
  const result = await licenseEvents(db, ctx, f.va, f.license, f);
  const tz = await userTimeZone(db, ctx.user.id);
  return json(200, {
    rows: result.rows.map((r) => ({ id: r.id, message: r.message, time: formatTimestamp(r.occurredAt, tz), user: userColumn(r) })),
    total: result.total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: result.pageCount,
  });
});
