import { json, uiRoute } from "@/lib/http/route";
import { tokenIdFromUrl } from "@/lib/tokens/route-params";
import { readToken } from "@/lib/tokens/tokens";

/** W-5: one token's F-9 string for the `Token` dialog and `Copy`; never cached. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const { token, fileName } = await readToken(db, ctx, tokenIdFromUrl(url));
  return json(200, { token, fileName });
});
