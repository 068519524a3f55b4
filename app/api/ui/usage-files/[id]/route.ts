import { formatDate } from "@/lib/format";
import { json, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { assignableVirtualAccounts, getUsageFileDetail } from "@/lib/usage/query";
import { usageFileIdFromUrl } from "@/lib/usage/route-params";

export type UsageFileDetailResponse = Awaited<ReturnType<typeof getUsageFileDetail>> & {
  reported: string;
  virtualAccountChoices: { id: string; name: string }[];
};

/** The S-26 expander, and what `Select Virtual Accounts` offers for a waiting file. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = usageFileIdFromUrl(url);
  const detail = await getUsageFileDetail(db, ctx, id);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: UsageFileDetailResponse = {
    ...detail,
    reported: formatDate(detail.reportedAt, tz),
    virtualAccountChoices: detail.awaiting.length ? await assignableVirtualAccounts(db, ctx, detail.smartAccountId) : [],
  };
  return json(200, body);
});
