import { z } from "zod";
import { NotFoundError } from "@/lib/access/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { uiRoute } from "@/lib/http/route";
import { requireRehost } from "@/lib/traditional/rehost-license";

/** S-56 `Download Permission Ticket`: `pt.lic` (F-11a). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-2));
  const { rehost } = await requireRehost(db, ctx, id);
  if (!rehost.permissionTicket) throw new NotFoundError();
  return attachmentResponse(rehost.permissionTicket, "pt.lic");
});
