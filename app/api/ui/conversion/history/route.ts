import { type ConversionRow, listConversions } from "@/lib/conversion/history";
import { conversionListSchema } from "@/lib/conversion/schemas";
import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";

export type HistoryListResponse = {
  rows: (Omit<ConversionRow, "initiatedAt"> & { time: string })[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** S-23: one page of the Smart Account's conversions, newest first. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = conversionListSchema.parse(searchParamsObject(url));
  const result = await listConversions(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: HistoryListResponse = {
    ...result,
    rows: result.rows.map(({ initiatedAt, ...r }) => ({ ...r, time: formatTimestamp(initiatedAt, tz) })),
  };
  return json(200, body);
});
