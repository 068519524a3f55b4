import { and, asc, count, desc, eq, exists, ilike, not, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { pakLines, paks, smartAccounts, tradHiddenPaks, users, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { canSeeTrad, canWriteTrad, visiblePaksWhere } from "./access";
import { availableOf, pakStatus, type PakStatus, sumQuantities, usedOf } from "./pak-status";


export const pakListSchema = z.object({
  q: z.string().trim().max(100).optional(),
  showHidden: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
  ...pagingFields,
});
export type PakListFilter = z.infer<typeof pakListSchema>;

export type PakRow = {
  pakId: string;
  pak: string;
  pakLineId: string;
  virtualAccountName: string | null;
  smartAccountName: string | null;
  orderNumber: string | null;
  productFamily: string;
  sku: string;
  status: PakStatus;
  used: number;
  available: number;
  hidden: boolean;
  canWrite: boolean;
};


/** S-52: one row per PAK line of the PAKs the user sees (lib/traditional/access.ts), hidden ones only on request. */
export async function listPakRows(db: DbOrTx, ctx: AccessContext, f: PakListFilter, opts: { all?: boolean } = {}) {
  const hiddenByMe = exists(
    db
      .select({ one: sql`1` })
      .from(tradHiddenPaks)
      .where(and(eq(tradHiddenPaks.pakId, paks.id), eq(tradHiddenPaks.userId, ctx.user.id))),
  );
  const filters: SQL[] = [visiblePaksWhere(ctx)];
  if (!f.showHidden) filters.push(not(hiddenByMe));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    filters.push(
      or(
        ilike(paks.pak, like),
        ilike(pakLines.sku, like),
        ilike(paks.orderNumber, like),
        ilike(pakLines.productFamily, like),
        ilike(virtualAccounts.name, like),
      )!,
    );
  }
  const where = and(...filters);
  const base = db
    .select({ line: pakLines, pak: paks, vaName: virtualAccounts.name, saName: smartAccounts.name, hidden: hiddenByMe })
    .from(pakLines)
    .innerJoin(paks, eq(paks.id, pakLines.pakId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, paks.virtualAccountId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, paks.smartAccountId));
  const [{ total }] = await db
    .select({ total: count() })
    .from(pakLines)
    .innerJoin(paks, eq(paks.id, pakLines.pakId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, paks.virtualAccountId))
    .where(where);
  const ordered = base.where(where).orderBy(desc(paks.orderDate), asc(paks.pak), asc(pakLines.sku), asc(pakLines.id));
  const rows = opts.all ? await ordered.limit(100_000) : await ordered.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  return {
    rows: rows.map(
      (r): PakRow => ({
        pakId: r.pak.id,
        pak: r.pak.pak,
        pakLineId: r.line.id,
        virtualAccountName: r.vaName,
        smartAccountName: r.saName,
        orderNumber: r.pak.orderNumber,
        productFamily: r.line.productFamily,
        sku: r.line.sku,
        status: pakStatus(r.line),
        used: usedOf(r.line),
        available: availableOf(r.line),
        hidden: Boolean(r.hidden),
        canWrite: canWriteTrad(ctx, r.pak),
      }),
    ),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** S-52 `Get PAK or Token Information...`. */
export async function pakInformation(db: DbOrTx, ctx: AccessContext, pakId: string) {
  const [row] = await db
    .select({ pak: paks, owner: users.ccoId, saName: smartAccounts.name, vaName: virtualAccounts.name })
    .from(paks)
    .leftJoin(users, eq(users.id, paks.ownerUserId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, paks.smartAccountId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, paks.virtualAccountId))
    .where(eq(paks.id, pakId));
  if (!row || !canSeeTrad(ctx, row.pak)) throw new NotFoundError();
  const lines = await db.select().from(pakLines).where(eq(pakLines.pakId, pakId)).orderBy(asc(pakLines.sku), asc(pakLines.id));
  return {
    pak: row.pak.pak,
    type: row.pak.type,
    orderNumber: row.pak.orderNumber,
    orderDate: row.pak.orderDate,
    owner: row.owner,
    smartAccountName: row.saName,
    virtualAccountName: row.vaName,
    partialFulfillment: row.pak.partialFulfillment,
    status: pakStatus(sumQuantities(lines)),
    lines: lines.map((l) => ({
      sku: l.sku,
      description: l.description,
      productFamily: l.productFamily,
      feature: l.featureName,
      licenseType: l.licenseType,
      termEnd: l.termEnd,
      ordered: l.qtyOrdered,
      fulfilled: l.qtyFulfilled,
      converted: l.qtyConverted,
      available: availableOf(l),
      status: pakStatus(l),
    })),
  };
}
