import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { deviceListSchema, listDevices } from "@/lib/traditional/list-devices";

export type DeviceListResponse = Awaited<ReturnType<typeof listDevices>>;

/** S-54 list. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = deviceListSchema.parse(searchParamsObject(url));
  return json(200, await listDevices(db, ctx, filter));
});
