import { z } from "zod";
import { config } from "@/lib/config";
import { attachmentResponse } from "@/lib/http/attachment";
import { json, uiRoute } from "@/lib/http/route";
import { deviceCredentialFile } from "@/lib/traditional/device-tools";

/** S-60 `Device Credential`: `cred.lic` (F-11c) of a traditional device; demo tools only. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  if (!config.demoTools) return json(404, { message: "Not found." });
  const deviceId = z.string().uuid().parse(url.searchParams.get("deviceId"));
  return attachmentResponse(await deviceCredentialFile(db, ctx, deviceId), "cred.lic");
});
