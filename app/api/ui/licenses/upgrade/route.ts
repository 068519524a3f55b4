import { z } from "zod";
import { formatDate } from "@/lib/format";
import { json, uiRoute } from "@/lib/http/route";
import { upgradeOptions } from "@/lib/licensing/upgrade";

export type UpgradeOptionsResponse = Awaited<ReturnType<typeof upgradeOptions>>;

/** S-14: the VA's pending upgrade licenses and the device-specific licenses each replaces; dates in S-0 form. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const va = z.string().uuid().parse(url.searchParams.get("va"));
  const options = await upgradeOptions(db, ctx, va);
  const body: UpgradeOptionsResponse = {
    ...options,
    sources: options.sources.map((s) => ({ ...s, lots: s.lots.map((l) => ({ ...l, endDate: l.endDate ? formatDate(l.endDate) : null })) })),
  };
  return json(200, body);
});
