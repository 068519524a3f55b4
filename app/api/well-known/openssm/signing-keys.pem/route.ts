import { getDb } from "@/db";
import { pemBundle } from "@/lib/signing/jwks";
import { publishedSigningKeys } from "@/lib/signing/keys";

// Keys change only on rotation, but they live in the database: never prerender at build time.
export const dynamic = "force-dynamic";

/** A-26 `GET /.well-known/openssm/signing-keys.pem` (rewritten here): no authentication, cacheable for 1 h. */
export async function GET(): Promise<Response> {
  const keys = await publishedSigningKeys(await getDb());
  return new Response(pemBundle(keys), {
    headers: { "Content-Type": "application/x-pem-file; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
