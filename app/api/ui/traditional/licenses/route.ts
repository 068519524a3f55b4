import { formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { licenseListSchema, listLicenseLines } from "@/lib/traditional/list-licenses";

export type LicenseLineRow = Omit<Awaited<ReturnType<typeof listLicenseLines>>["rows"][number], "expiresAt" | "issuedAt"> & {
  expiresAt: string;
  issuedAt: string;
};
export type LicenseListResponse = Omit<Awaited<ReturnType<typeof listLicenseLines>>, "rows"> & { rows: LicenseLineRow[] };

/** S-55 list and W-47 look-up. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = licenseListSchema.parse(searchParamsObject(url));
  const result = await listLicenseLines(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: LicenseListResponse = {
    ...result,
    rows: result.rows.map((r) => ({ ...r, expiresAt: r.expiresAt ? formatTimestamp(r.expiresAt, tz) : "-", issuedAt: formatTimestamp(r.issuedAt, tz) })),
  };
  return json(200, body);
});
