import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { pakListSchema } from "@/lib/ops/pak-schema";
import { listPaks } from "@/lib/ops/paks";

export type PakListResponse = Awaited<ReturnType<typeof listPaks>>;

/** S-34 PAKs list: one page (Licensing Operations only). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const body: PakListResponse = await listPaks(db, ctx, pakListSchema.parse(searchParamsObject(url)));
  return json(200, body);
});
