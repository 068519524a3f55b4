import { and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts, authorizations, productInstances, smartAccounts } from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount } from "@/lib/access/context";
import { escapeLike } from "@/lib/lists/paging";
import { displayNameSql, searchTextSql } from "./display-name";
import type { PiListFilter } from "./schemas";

export type AlertCounts = { major: number; minor: number; informational: number };

export type PiListRow = {
  id: string;
  name: string;
  productType: string;
  lastContactAt: Date | null;
  reservation: "NONE" | "SLR" | "PLR";
  plrVersion: number | null;
  alerts: string;
};

/** P-12 PI `Alerts` cell: comma-joined non-zero parts, empty when none. */
export function alertsCell(c: AlertCounts): string {
  const parts: string[] = [];
  if (c.major) parts.push(`${c.major} Major`);
  if (c.minor) parts.push(`${c.minor} Minor`);
  if (c.informational) parts.push(`${c.informational} Informational`);
  return parts.join(", ");
}

const openAlert = and(isNull(alerts.clearedAt), isNull(alerts.dismissedAt));

/** Uncleared, undismissed alerts of each PI, by severity (P-12). */
export async function alertCountsByPi(db: DbOrTx, piIds: string[]): Promise<Map<string, AlertCounts>> {
  const out = new Map<string, AlertCounts>();
  if (piIds.length === 0) return out;
  const rows = await db
    .select({
      piId: alerts.productInstanceId,
      major: sql<number>`count(*) filter (where ${alerts.severity} = 'MAJOR')`.mapWith(Number),
      minor: sql<number>`count(*) filter (where ${alerts.severity} = 'MINOR')`.mapWith(Number),
      informational: sql<number>`count(*) filter (where ${alerts.severity} = 'INFORMATIONAL')`.mapWith(Number),
    })
    .from(alerts)
    .where(and(openAlert, inArray(alerts.productInstanceId, piIds)))
    .groupBy(alerts.productInstanceId);
  for (const r of rows) if (r.piId) out.set(r.piId, { major: r.major, minor: r.minor, informational: r.informational });
  return out;
}

/** The version of each PLR instance's INSTALLED code (S-15 offers `Upgrade Auth Code` below 3). */
async function installedPlrVersions(db: DbOrTx, piIds: string[]): Promise<Map<string, number>> {
  if (piIds.length === 0) return new Map();
  const rows = await db
    .select({ piId: authorizations.productInstanceId, version: authorizations.plrVersion })
    .from(authorizations)
    .where(and(inArray(authorizations.productInstanceId, piIds), eq(authorizations.kind, "PLR"), eq(authorizations.status, "INSTALLED")));
  return new Map(rows.filter((r) => r.version !== null).map((r) => [r.piId, r.version!]));
}

/** The S-15 search: display name, hostname, PID, SN, product type and UUID, case-insensitive substring. */
export function piSearchCondition(q: string): SQL {
  return ilike(searchTextSql, `%${escapeLike(q)}%`);
}

// Drizzle leaves columns unqualified in some positions, where a correlated subquery would capture them.
const piIdQualified = sql.raw(`"product_instances"."id"`);

/** Severity weight for sorting by the `Alerts` column: Major outranks any number of Minor, and so on. */
const alertWeightSql = sql<number>`coalesce((select sum(case ${alerts.severity} when 'MAJOR' then 1000000 when 'MINOR' then 1000 else 1 end) from ${alerts} where ${alerts.productInstanceId} = ${piIdQualified} and ${alerts.clearedAt} is null and ${alerts.dismissedAt} is null), 0)`;

function orderOf(f: Pick<PiListFilter, "sort" | "dir">): SQL[] {
  const dir = f.dir === "desc" ? desc : asc;
  const byName = dir(sql`lower(${displayNameSql})`);
  switch (f.sort) {
    case "productType":
      return [dir(sql`lower(${productInstances.productType})`), byName, asc(productInstances.id)];
    case "lastContact":
      return [sql`${productInstances.lastContactAt} ${sql.raw(f.dir)} nulls last`, byName, asc(productInstances.id)];
    case "alerts":
      return [dir(alertWeightSql), byName, asc(productInstances.id)];
    default:
      return [byName, dir(productInstances.id)];
  }
}

/**
 * S-15: one page of a VA's product instances with the total. `all` returns every matching row
 * (CSV export, F-17).
 */
export async function listProductInstances(db: DbOrTx, ctx: AccessContext, f: PiListFilter, opts: { all?: boolean } = {}) {
  const va = await requireVirtualAccount(db, ctx, f.va);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  const [sa] = await db.select({ name: smartAccounts.name }).from(smartAccounts).where(eq(smartAccounts.id, va.smartAccountId));

  const filters: SQL[] = [eq(productInstances.virtualAccountId, va.id)];
  if (f.q) filters.push(piSearchCondition(f.q));
  const where = and(...filters);

  const [{ total }] = await db.select({ total: count() }).from(productInstances).where(where);
  const base = db
    .select({
      id: productInstances.id,
      name: displayNameSql,
      productType: productInstances.productType,
      lastContactAt: productInstances.lastContactAt,
      reservation: productInstances.reservation,
    })
    .from(productInstances)
    .where(where)
    .orderBy(...orderOf(f));
  const pageCount = Math.max(1, Math.ceil(total / f.pageSize));
  const rows = opts.all ? await base.limit(1_000_000) : await base.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const counts = await alertCountsByPi(db, rows.map((r) => r.id));
  const plrVersions = await installedPlrVersions(db, rows.filter((r) => r.reservation === "PLR").map((r) => r.id));
  const scope = { saId: va.smartAccountId, vaId: va.id };
  return {
    virtualAccount: va,
    smartAccountName: sa?.name ?? "",
    rows: rows.map(
      (r): PiListRow => ({
        ...r,
        plrVersion: plrVersions.get(r.id) ?? null,
        alerts: alertsCell(counts.get(r.id) ?? { major: 0, minor: 0, informational: 0 }),
      }),
    ),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount,
    canTransfer: can(ctx, "pi.transfer", scope),
    canRemove: can(ctx, "pi.remove", scope),
    canReserve: can(ctx, "reservation.manage", scope),
  };
}
