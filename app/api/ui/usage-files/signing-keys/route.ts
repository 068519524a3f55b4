import { json, uiRoute } from "@/lib/http/route";
import { publishedSigningKeys } from "@/lib/signing/keys";

export type UsageSigningKeysResponse = { keys: { keyId: string; publicPem: string; retired: boolean }[] };

/** The public keys that verify downloaded ACKs (F-4), for signed-in users; A-26 publishes them openly. */
export const GET = uiRoute(async ({ db }) => {
  const keys = await publishedSigningKeys(db);
  const body: UsageSigningKeysResponse = { keys: keys.map((k) => ({ keyId: k.keyId, publicPem: k.publicPem, retired: k.retiredAt !== null })) };
  return json(200, body);
});
