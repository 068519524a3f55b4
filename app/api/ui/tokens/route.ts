import { z } from "zod";
import { now } from "@/lib/clock";
import { formatTimestamp, formatUses, relativeExpiry } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { exportLabel, listTokens } from "@/lib/tokens/tokens";

const querySchema = z.object({ va: z.string().uuid(), all: z.enum(["0", "1"]).default("0") });

/** S-7 token table of one VA, formatted per S-0. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const q = querySchema.parse(searchParamsObject(url));
  const { items } = await listTokens(db, ctx, q.va, { includeInactive: q.all === "1" });
  const tz = await userTimeZone(db, ctx.user.id);
  const at = now();
  return json(200, {
    rows: items.map((t) => ({
      id: t.id,
      preview: t.preview,
      expiration: t.status === "Active" ? `${formatTimestamp(t.expiresAt, tz)} ${relativeExpiry(t.expiresAt, at)}` : t.status,
      active: t.status === "Active",
      uses: formatUses(t.uses, t.maxUses),
      exportControlled: exportLabel(t.exportControlled),
      description: t.description,
      createdBy: t.createdBy,
      canCopy: t.canCopy,
      canRevoke: t.canRevoke,
    })),
  });
});
