import { findDeviceForConversion } from "@/lib/conversion/device-licenses";
import { deviceLookupSchema } from "@/lib/conversion/schemas";
import { formatDate } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";

export type DeviceWizardResponse = Awaited<ReturnType<typeof findDeviceForConversion>>;

/** S-22 `License Conversion Wizard` STEP 1 → 2: the device and its eligible lines (V-59 on the UDI). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const lookup = deviceLookupSchema.parse(searchParamsObject(url));
  const found = await findDeviceForConversion(db, ctx, lookup);
  const body: DeviceWizardResponse = { ...found, lines: found.lines.map((l) => ({ ...l, termDate: l.termDate ? formatDate(l.termDate) : null })) };
  return json(200, body);
});
