import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { listPakRows, pakListSchema } from "@/lib/traditional/list-paks";

export type PakListResponse = Awaited<ReturnType<typeof listPakRows>>;

/** S-52 list: one page of PAK lines. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = pakListSchema.parse(searchParamsObject(url));
  return json(200, await listPakRows(db, ctx, filter));
});
