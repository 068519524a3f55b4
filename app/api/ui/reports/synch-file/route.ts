import { z } from "zod";
import { actorOf } from "@/lib/actions/mutation";
import { attachmentHeaders } from "@/lib/formats/csv";
import { uiRoute } from "@/lib/http/route";
import { downloadSynchFile } from "@/lib/reports/synch-file";

/** S-28 `Download Synch File` (W-58): the signed F-13 file; E-31 commits with it. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const vaId = z.string().uuid().parse(url.searchParams.get("va"));
  const file = await db.transaction((tx) => downloadSynchFile(tx, ctx, actorOf(ctx), vaId));
  return new Response(file.xml, { headers: attachmentHeaders(file.fileName, "application/xml; charset=utf-8") });
});
