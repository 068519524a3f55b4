import { formatTimestamp } from "@/lib/format";
import { devRoute } from "@/lib/http/dev-route";
import { json } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { catalogueOptions, listSimDevices, type SimDeviceListRow } from "@/lib/simulator/devices";

export type SimDevicesResponse = {
  rows: (SimDeviceListRow & { trust: string })[];
  catalogue: { entitlementTag: string; name: string }[];
};

/** S-60 Device Simulator table, plus the catalogue `Edit Usage` picks licenses from. */
export const GET = devRoute(async ({ ctx, db }) => {
  const tz = await userTimeZone(db, ctx.user.id);
  const rows = (await listSimDevices(db)).map((r) => ({
    ...r,
    trust: r.trustInstalledAt ? `Installed ${formatTimestamp(r.trustInstalledAt, tz)}` : "-",
  }));
  const body: SimDevicesResponse = { rows, catalogue: await catalogueOptions(db) };
  return json(200, body);
});
