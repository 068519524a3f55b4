import { config } from "@/lib/config";
import { attachmentResponse } from "@/lib/http/attachment";
import { json, uiRoute } from "@/lib/http/route";
import { rehostTicketFromPermissionTicket } from "@/lib/traditional/device-tools";

const MAX_BYTES = 64 * 1024;

/** S-60 `Rehost Ticket`: the body is `pt.lic` (F-11a); the answer is `rt.lic` (F-11b), or V-28. Demo tools only. */
export const POST = uiRoute(async ({ db, req }) => {
  if (!config.demoTools) return json(404, { message: "Not found." });
  const text = await req.text();
  if (text.length > MAX_BYTES) return json(400, { message: "The permission ticket is too large." });
  return attachmentResponse(await rehostTicketFromPermissionTicket(db, text), "rt.lic");
});
