import { z } from "zod";
import { formatTimestamp } from "@/lib/format";
import { json, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { deviceInformation } from "@/lib/traditional/list-devices";

/** S-54 `Get device information...`. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const id = z.string().uuid().parse(url.pathname.split("/").at(-1));
  const info = await deviceInformation(db, ctx, id);
  const tz = await userTimeZone(db, ctx.user.id);
  return json(200, {
    ...info,
    createdAt: formatTimestamp(info.createdAt, tz),
    lines: info.lines.map((l) => ({ ...l, expiresAt: l.expiresAt ? formatTimestamp(l.expiresAt, tz) : "-", issuedAt: formatTimestamp(l.issuedAt, tz) })),
  });
});

export type DeviceInformationResponse = Omit<Awaited<ReturnType<typeof deviceInformation>>, "createdAt" | "lines"> & {
  createdAt: string;
  lines: { id: string; feature: string; type: string; count: number | null; status: string; expiresAt: string; pak: string | null; issuedAt: string }[];
};
