import { devRoute, fileResponse } from "@/lib/http/dev-route";
import { saveSlacRequest } from "@/lib/simulator/devices";
import { simDeviceIdSchema } from "@/lib/simulator/schemas";

/** S-60 `Save SLAC Request`: an F-6a request file for the device's enforced licenses. */
export const POST = devRoute<{ id: string }>(async ({ db, params }) => {
  const { deviceId } = simDeviceIdSchema.parse({ deviceId: params.id });
  const file = await saveSlacRequest(db, deviceId);
  return fileResponse(file.body, file.fileName, file.contentType);
});
