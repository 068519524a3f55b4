import { z } from "zod";
import { attachmentResponse } from "@/lib/http/attachment";
import { uiRoute } from "@/lib/http/route";
import { licenseLineFile } from "@/lib/traditional/resend-licenses";

/** S-55 row `Download`: one line as its own `.lic` file. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  const file = await licenseLineFile(db, ctx, id);
  return attachmentResponse(file.content, file.fileName);
});
