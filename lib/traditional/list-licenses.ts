import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { pakLines, paks, tradDevices, tradLicenseLines } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { canWriteTrad, visibleDevicesWhere } from "./access";

export const licenseListSchema = z.object({
  q: z.string().trim().max(100).optional(),
  ...pagingFields,
});
export type LicenseListFilter = z.infer<typeof licenseListSchema>;


/** S-55 / W-47 look-up: every line of the devices the user sees, searchable by UDI, serial number or PAK. */
export async function listLicenseLines(db: DbOrTx, ctx: AccessContext, f: LicenseListFilter) {
  const filters: SQL[] = [visibleDevicesWhere(ctx)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    filters.push(or(ilike(sql`${tradDevices.udiPid} || ':' || ${tradDevices.udiSn}`, like), ilike(paks.pak, like))!);
  }
  const where = and(...filters);
  const from = () =>
    db
      .select({ line: tradLicenseLines, device: tradDevices, pak: paks.pak })
      .from(tradLicenseLines)
      .innerJoin(tradDevices, eq(tradDevices.id, tradLicenseLines.deviceId))
      .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
      .leftJoin(paks, eq(paks.id, pakLines.pakId));
  const [{ total }] = await db
    .select({ total: count() })
    .from(tradLicenseLines)
    .innerJoin(tradDevices, eq(tradDevices.id, tradLicenseLines.deviceId))
    .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .leftJoin(paks, eq(paks.id, pakLines.pakId))
    .where(where);
  const rows = await from()
    .where(where)
    .orderBy(desc(tradLicenseLines.issuedAt), tradLicenseLines.feature, tradLicenseLines.id)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    rows: rows.map(({ line, device, pak }) => ({
      id: line.id,
      feature: line.feature,
      version: line.version,
      deviceId: device.id,
      udi: `${device.udiPid}:${device.udiSn}`,
      type: line.type,
      count: line.count,
      status: line.status,
      expiresAt: line.expiresAt,
      pak,
      issuedAt: line.issuedAt,
      downloadable: Boolean(line.lineText),
      canWrite: canWriteTrad(ctx, device),
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}
