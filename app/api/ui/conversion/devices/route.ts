import { now } from "@/lib/clock";
import { conversionFamilies, type ConvertibleDeviceRow, listConvertibleDevices } from "@/lib/conversion/device-licenses";
import { conversionListSchema } from "@/lib/conversion/schemas";
import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";

export type DeviceListResponse = {
  rows: ConvertibleDeviceRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  lastUpdated: string;
  /** S-22 STEP 1 `Product Family` choices. */
  families: string[];
};

/** S-22: one page of the Smart Account's traditional devices with licenses to convert. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = conversionListSchema.parse(searchParamsObject(url));
  const result = await listConvertibleDevices(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: DeviceListResponse = { ...result, lastUpdated: formatTimestamp(now(), tz), families: await conversionFamilies(db, ctx, filter.sa) };
  return json(200, body);
});
