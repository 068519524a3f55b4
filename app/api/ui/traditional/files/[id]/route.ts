import { z } from "zod";
import { attachmentResponse } from "@/lib/http/attachment";
import { uiRoute } from "@/lib/http/route";
import { licenseFileFor } from "@/lib/traditional/resend-licenses";

/** A stored F-11 file, byte for byte (`Download` of S-53, S-55, S-56, S-57, S-59). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  const file = await licenseFileFor(db, ctx, id);
  return attachmentResponse(file.content, file.fileName);
});
