import { z } from "zod";
import { json, uiRoute } from "@/lib/http/route";
import { licenseDetail } from "@/lib/licensing/detail";

/** S-10 Overview, Product Instances and Order History of one license, seen from a VA. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const va = z.string().uuid().parse(url.searchParams.get("va"));
  const license = z.string().uuid().parse(url.searchParams.get("license"));
  return json(200, await licenseDetail(db, ctx, va, license));
});
