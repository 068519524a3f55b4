import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { pakLines, paks, smartAccounts, tradDevices, tradLicenseLines, users, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { canWriteTrad, requireDevice, visibleDevicesWhere } from "./access";

export const deviceListSchema = z.object({
  q: z.string().trim().max(100).optional(),
  ...pagingFields,
});
export type DeviceListFilter = z.infer<typeof deviceListSchema>;


const activeCount = sql<number>`(select count(*)::int from ${tradLicenseLines} where ${tradLicenseLines.deviceId} = ${tradDevices.id} and ${tradLicenseLines.status} = 'ACTIVE')`;

/** S-54: the devices the user sees, with their count of ACTIVE lines. */
export async function listDevices(db: DbOrTx, ctx: AccessContext, f: DeviceListFilter) {
  const filters: SQL[] = [visibleDevicesWhere(ctx)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    filters.push(or(ilike(sql`${tradDevices.udiPid} || ':' || ${tradDevices.udiSn}`, like), ilike(tradDevices.productFamily, like))!);
  }
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(tradDevices).where(where);
  const rows = await db
    .select({ device: tradDevices, vaName: virtualAccounts.name, saName: smartAccounts.name, licenses: activeCount })
    .from(tradDevices)
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, tradDevices.virtualAccountId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, tradDevices.smartAccountId))
    .where(where)
    .orderBy(asc(tradDevices.udiPid), asc(tradDevices.udiSn))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    rows: rows.map((r) => ({
      id: r.device.id,
      pid: r.device.udiPid,
      sn: r.device.udiSn,
      productFamily: r.device.productFamily,
      virtualAccountName: r.vaName,
      smartAccountName: r.saName,
      licenses: Number(r.licenses),
      canWrite: canWriteTrad(ctx, r.device),
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** S-54 `Get device information...`: the device and every line it ever held. */
export async function deviceInformation(db: DbOrTx, ctx: AccessContext, deviceId: string) {
  const device = await requireDevice(db, ctx, deviceId);
  const [names] = await db
    .select({ owner: users.ccoId, saName: smartAccounts.name, vaName: virtualAccounts.name })
    .from(tradDevices)
    .leftJoin(users, eq(users.id, tradDevices.ownerUserId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, tradDevices.smartAccountId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, tradDevices.virtualAccountId))
    .where(eq(tradDevices.id, deviceId));
  const lines = await db
    .select({ line: tradLicenseLines, pak: paks.pak })
    .from(tradLicenseLines)
    .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .leftJoin(paks, eq(paks.id, pakLines.pakId))
    .where(eq(tradLicenseLines.deviceId, deviceId))
    .orderBy(asc(tradLicenseLines.issuedAt), asc(tradLicenseLines.feature));
  return {
    id: device.id,
    pid: device.udiPid,
    sn: device.udiSn,
    productFamily: device.productFamily,
    owner: names?.owner ?? null,
    smartAccountName: names?.saName ?? null,
    virtualAccountName: names?.vaName ?? null,
    createdAt: device.createdAt,
    canWrite: canWriteTrad(ctx, device),
    lines: lines.map(({ line, pak }) => ({
      id: line.id,
      feature: line.feature,
      type: line.type,
      count: line.count,
      status: line.status,
      expiresAt: line.expiresAt,
      pak,
      issuedAt: line.issuedAt,
    })),
  };
}
