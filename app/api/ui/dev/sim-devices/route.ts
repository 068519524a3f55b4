import { devRoute } from "@/lib/http/dev-route";
import { json } from "@/lib/http/route";
import { catalogueOptions, listSimDevices, type SimDeviceListRow } from "@/lib/simulator/devices";

export type SimDevicesResponse = { rows: SimDeviceListRow[]; catalogue: { entitlementTag: string; name: string }[] };

/** S-60 Device Simulator table, plus the catalogue `Edit Usage` picks licenses from. */
export const GET = devRoute(async ({ db }) => {
  const body: SimDevicesResponse = { rows: await listSimDevices(db), catalogue: await catalogueOptions(db) };
  return json(200, body);
});
