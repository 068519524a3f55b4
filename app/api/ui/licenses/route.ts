import { z } from "zod";
import { listLicenseRows } from "@/lib/licensing/licenses";
import { json, uiRoute } from "@/lib/http/route";

/** S-9 rows of one VA (with the lots for `Show License Transactions`). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const va = z.string().uuid().parse(url.searchParams.get("va"));
  return json(200, { rows: await listLicenseRows(db, ctx, va) });
});
