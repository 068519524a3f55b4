import { z } from "zod";
import { pakConversionDetails } from "@/lib/conversion/paks";
import { formatDate } from "@/lib/format";
import { json, uiRoute } from "@/lib/http/route";

export type PakWizardResponse = Awaited<ReturnType<typeof pakConversionDetails>>;

/** The `Convert to Smart Software Licenses` wizard of one PAK (S-21); expiration dates already in S-0 form. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  const details = await pakConversionDetails(db, ctx, id);
  const body: PakWizardResponse = {
    ...details,
    lines: details.lines.map((l) => ({ ...l, expirationDate: l.expirationDate ? formatDate(l.expirationDate) : null })),
  };
  return json(200, body);
});
