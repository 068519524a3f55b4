import { NotFoundError } from "@/lib/access/errors";
import { attachmentHeaders } from "@/lib/formats/csv";
import { uiRoute } from "@/lib/http/route";
import { publishedSigningKey } from "@/lib/signing/keys";

/** S-26a `Download`: that key's public PEM as `{key_id}.pem`. */
export const GET = uiRoute(async ({ db, url }) => {
  const keyId = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
  const key = await publishedSigningKey(db, keyId);
  if (!key) throw new NotFoundError();
  return new Response(key.publicPem, { headers: attachmentHeaders(`${key.keyId}.pem`, "application/x-pem-file") });
});
