import { z } from "zod";
import { json, uiRoute } from "@/lib/http/route";
import { listLicenseTags } from "@/lib/licensing/tags";

/** D-22 tags of a Smart Account, for S-12 and the `By Tag` view. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const sa = z.string().uuid().parse(url.searchParams.get("sa"));
  return json(200, { tags: await listLicenseTags(db, ctx, sa) });
});
