import { devRoute, fileResponse } from "@/lib/http/dev-route";
import { saveUsageFile } from "@/lib/simulator/devices";
import { saveUsageFileSchema } from "@/lib/simulator/schemas";

/** S-60 `Save Usage File`: the F-1 download; next_report_id advances by one per report written (W-60). */
export const POST = devRoute<{ id: string }>(async ({ req, db, params }) => {
  const body = await req.json().catch(() => ({}));
  const input = saveUsageFileSchema.parse({ ...body, deviceId: params.id });
  const file = await db.transaction((tx) => saveUsageFile(tx, input));
  return fileResponse(file.body, file.fileName, file.contentType);
});
