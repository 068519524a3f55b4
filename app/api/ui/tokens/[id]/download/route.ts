import { uiRoute } from "@/lib/http/route";
import { tokenIdFromUrl } from "@/lib/tokens/route-params";
import { readToken } from "@/lib/tokens/tokens";

/** W-5 `Download`: `{VA name}_token_{yyyymmdd}.txt`, the URL-encoded token on one line with a trailing LF. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const { token, fileName } = await readToken(db, ctx, tokenIdFromUrl(url));
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(`${token}\n`, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
});
