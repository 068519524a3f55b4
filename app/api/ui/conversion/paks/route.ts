import { now } from "@/lib/clock";
import { listConvertiblePaks, type PakRow } from "@/lib/conversion/paks";
import { conversionListSchema } from "@/lib/conversion/schemas";
import { formatDate, formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";

export type PakListResponse = {
  rows: (Omit<PakRow, "orderDate"> & { orderDate: string })[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** `Last Updated :` — when this page of the table was read. */
  lastUpdated: string;
};

/** S-21: one page of the Smart Account's PAKs. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = conversionListSchema.parse(searchParamsObject(url));
  const result = await listConvertiblePaks(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: PakListResponse = {
    ...result,
    rows: result.rows.map((r) => ({ ...r, orderDate: formatDate(r.orderDate) })),
    lastUpdated: formatTimestamp(now(), tz),
  };
  return json(200, body);
});
