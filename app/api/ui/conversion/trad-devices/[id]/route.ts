import { z } from "zod";
import { tradDeviceConversionDetails } from "@/lib/conversion/device-licenses";
import { formatDate } from "@/lib/format";
import { json, uiRoute } from "@/lib/http/route";

export type TradDeviceConversionResponse = Awaited<ReturnType<typeof tradDeviceConversionDetails>>;

/** S-54 `Convert to Smart Entitlements` of one traditional device; `sa` is the workspace's Smart Account. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  const sa = z.string().uuid().optional().parse(url.searchParams.get("sa") || undefined);
  const details = await tradDeviceConversionDetails(db, ctx, id, sa);
  const body: TradDeviceConversionResponse = { ...details, lines: details.lines.map((l) => ({ ...l, termDate: l.termDate ? formatDate(l.termDate) : null })) };
  return json(200, body);
});
