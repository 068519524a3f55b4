import "server-only";
import type { Db } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { config } from "@/lib/config";
import { json, uiRoute } from "./route";

type DevArgs<P> = { req: Request; ctx: AccessContext; db: Db; url: URL; params: P };

/** `/api/ui/dev/*` (S-60): a signed-in UI route that exists only with DEMO_TOOLS=1; otherwise not found. */
export function devRoute<P extends Record<string, string> = Record<string, never>>(handler: (args: DevArgs<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    if (!config.demoTools) return json(404, { message: "Not found." });
    const params = await context.params;
    return uiRoute((args) => handler({ ...args, params }))(req);
  };
}

/** A download: `Content-Disposition: attachment` with the file name (S-0), ASCII-safe plus UTF-8. */
export function fileResponse(body: string | Buffer, fileName: string, contentType: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
