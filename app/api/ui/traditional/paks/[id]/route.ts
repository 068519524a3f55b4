import { z } from "zod";
import { json, uiRoute } from "@/lib/http/route";
import { pakInformation } from "@/lib/traditional/list-paks";

export type PakInformationResponse = Awaited<ReturnType<typeof pakInformation>>;

/** S-52 `Get PAK or Token Information...`. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  return json(200, await pakInformation(db, ctx, id));
});
