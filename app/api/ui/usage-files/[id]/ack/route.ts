import { actorOf } from "@/lib/actions/mutation";
import { uiRoute } from "@/lib/http/route";
import { downloadAck } from "@/lib/usage/download";
import { usageFileIdFromUrl } from "@/lib/usage/route-params";

/** W-10 step 7 `Download`: the ACK as an attachment named per F-3 (E-18). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = usageFileIdFromUrl(url);
  const ack = await db.transaction((tx) => downloadAck(tx, ctx, actorOf(ctx), id));
  const ascii = ack.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(ack.bytes), {
    headers: {
      "Content-Type": ack.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(ack.fileName)}`,
      "Content-Length": String(ack.bytes.length),
      "Cache-Control": "no-store",
    },
  });
});
