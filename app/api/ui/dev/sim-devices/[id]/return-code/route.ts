import { devRoute } from "@/lib/http/dev-route";
import { json } from "@/lib/http/route";
import { saveReturnCode } from "@/lib/simulator/devices";
import { simDeviceIdSchema } from "@/lib/simulator/schemas";

/** S-60 `Save Return Code`: the F-10 return codes of the device's installed authorizations, and their F-6b file. */
export const GET = devRoute<{ id: string }>(async ({ db, params }) => {
  const { deviceId } = simDeviceIdSchema.parse({ deviceId: params.id });
  return json(200, await saveReturnCode(db, deviceId));
});
