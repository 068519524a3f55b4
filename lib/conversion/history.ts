import { asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { conversionLines, conversions, licenseDefinitions, users, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { udiListForm } from "@/lib/formats/udi";
import { isUuid } from "@/lib/ids";
import { conversionScope } from "./access";
import { conversionListWhere, listPage } from "./list";
import type { ConversionListFilter } from "./schemas";

/** D-18 `status` as S-23 shows it. */
export const CONVERSION_STATUS_LABELS = {
  IN_PROGRESS: "In Progress",
  CONVERTED: "Licenses Converted",
  FAILED: "Conversion Failed",
} as const;

export const SOURCE_LABELS = { PAK: "PAK", DEVICE: "Device" } as const;

export type ConversionRow = {
  id: string;
  source: (typeof SOURCE_LABELS)[keyof typeof SOURCE_LABELS];
  /** The UDI form for device conversions, the PAK for PAK conversions. */
  device: string;
  productFamily: string | null;
  status: (typeof CONVERSION_STATUS_LABELS)[keyof typeof CONVERSION_STATUS_LABELS];
  initiatedAt: Date;
};

const deviceSql = sql<string>`('UDI_PID:' || coalesce(${conversions.udiPid}, '') || '; UDI_SN:' || coalesce(${conversions.udiSn}, '') || ';')`;

function deviceCell(c: { source: "PAK" | "DEVICE"; pak: string | null; udiPid: string | null; udiSn: string | null }): string {
  return c.source === "PAK" ? (c.pak ?? "") : udiListForm({ udiPid: c.udiPid ?? "", udiSn: c.udiSn ?? "" });
}

/**
 * S-23: the Smart Account's conversions (VA roles: into their VAs), newest first. Conversions at the
 * same (pinned) instant keep the order they were recorded in: `created_at` is the database's time.
 */
export async function listConversions(db: DbOrTx, ctx: AccessContext, f: ConversionListFilter) {
  const { vaIds } = await conversionScope(db, ctx, f.sa);
  const where = conversionListWhere(conversions, vaIds, f, (like) =>
    or(ilike(deviceSql, like), ilike(conversions.productFamily, like), ilike(conversions.pak, like)),
  );
  const [{ total }] = await db.select({ total: count() }).from(conversions).where(where);
  const page = await db
    .select()
    .from(conversions)
    .where(where)
    .orderBy(desc(conversions.initiatedAt), desc(conversions.createdAt), asc(conversions.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const rows: ConversionRow[] = page.map((c) => ({
    id: c.id,
    source: SOURCE_LABELS[c.source],
    device: deviceCell(c),
    productFamily: c.productFamily,
    status: CONVERSION_STATUS_LABELS[c.status],
    initiatedAt: c.initiatedAt,
  }));
  return listPage(rows, total, f);
}

export type ConversionDetail = Awaited<ReturnType<typeof conversionDetail>>;

/** S-23 detail page (`/convert/history/{id}`); another account's conversion is not found. */
export async function conversionDetail(db: DbOrTx, ctx: AccessContext, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await db
    .select({ conversion: conversions, vaName: virtualAccounts.name, initiatedBy: users.ccoId })
    .from(conversions)
    .innerJoin(virtualAccounts, eq(virtualAccounts.id, conversions.virtualAccountId))
    .leftJoin(users, eq(users.id, conversions.initiatedBy))
    .where(eq(conversions.id, id));
  if (!row) throw new NotFoundError();
  const c = row.conversion;
  const { vaIds } = await conversionScope(db, ctx, c.smartAccountId);
  if (vaIds && !vaIds.includes(c.virtualAccountId)) throw new NotFoundError();
  const lines = await db
    .select({ line: conversionLines, smartLicense: licenseDefinitions.displayName })
    .from(conversionLines)
    .leftJoin(licenseDefinitions, eq(licenseDefinitions.id, conversionLines.licenseDefinitionId))
    .where(eq(conversionLines.conversionId, c.id))
    .orderBy(asc(conversionLines.sku), asc(conversionLines.id));
  return {
    id: c.id,
    source: SOURCE_LABELS[c.source],
    title: deviceCell(c),
    pak: c.pak,
    udiPid: c.udiPid,
    udiSn: c.udiSn,
    virtualAccount: { id: c.virtualAccountId, name: row.vaName },
    status: CONVERSION_STATUS_LABELS[c.status],
    initiatedAt: c.initiatedAt,
    /** `System` when no user started it (DLC). */
    initiatedBy: row.initiatedBy ?? "System",
    lines: lines.map(({ line, smartLicense }) => ({
      id: line.id,
      sku: line.sku,
      productFamily: line.productFamily || null,
      quantity: line.quantity,
      type: line.type,
      status: line.status,
      smartLicense,
      licenseDefinitionId: line.licenseDefinitionId,
      message: line.message,
    })),
  };
}
