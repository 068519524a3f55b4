import { z } from "zod";
import { actorOf } from "@/lib/actions/mutation";
import { attachmentHeaders } from "@/lib/formats/csv";
import { uiRoute } from "@/lib/http/route";
import { downloadReportingPolicy } from "@/lib/policy/download";

/** S-27 `Download` (W-11): the signed F-5 file; E-31 commits with it. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const vaId = z.string().uuid().parse(url.searchParams.get("va"));
  const file = await db.transaction((tx) => downloadReportingPolicy(tx, ctx, actorOf(ctx), vaId));
  return new Response(file.xml, { headers: attachmentHeaders(file.fileName, "application/xml; charset=utf-8") });
});
