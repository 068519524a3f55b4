import { and, asc, eq, inArray, max, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, licenseLots, licenseUsage, productInstances } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { formatBalance } from "@/lib/format";
import { piDisplayName } from "@/lib/inventory/display-name";
import { listLicenseRows, LOT_TYPE_LABELS } from "@/lib/licensing/licenses";
import type { ReportKey } from "./definitions";

/** One report row: numbers stay numbers in XLSX; CSV writes every cell as text. */
export type ReportCell = string | number;
type Va = { id: string; name: string };

const byName = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });

/** S-25 `Licenses`: the S-9 rows of the VA (INV-2 balances, P-16, P-15 status). */
async function licenseRows(db: DbOrTx, ctx: AccessContext, va: Va): Promise<ReportCell[][]> {
  return (await listLicenseRows(db, ctx, va.id)).map((r) => [
    va.name,
    r.name,
    r.entitlementTag,
    r.billing,
    r.purchased,
    r.inUse,
    r.substitution === 0 ? "-" : formatBalance(r.substitution),
    formatBalance(r.balance),
    r.compliance,
  ]);
}

/** S-25 `License Subscriptions`: the active term, subscription and demo lots, earliest end first. */
async function subscriptionRows(db: DbOrTx, va: Va): Promise<ReportCell[][]> {
  const lots = await db
    .select({
      license: licenseDefinitions.displayName,
      quantity: licenseLots.quantity,
      type: licenseLots.licenseType,
      start: licenseLots.startDate,
      end: licenseLots.endDate,
      subscriptionId: licenseLots.subscriptionId,
    })
    .from(licenseLots)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseLots.licenseDefinitionId))
    .where(and(eq(licenseLots.virtualAccountId, va.id), eq(licenseLots.status, "ACTIVE"), ne(licenseLots.licenseType, "PERPETUAL")))
    .orderBy(asc(licenseDefinitions.displayName), asc(licenseLots.endDate), asc(licenseLots.id));
  return lots
    .sort((a, b) => byName(a.license, b.license))
    .map((l) => [va.name, l.license, l.quantity, LOT_TYPE_LABELS[l.type], l.start ?? "", l.end ?? "", l.subscriptionId ?? ""]);
}

/** S-25 `Product Instances`: P-19 names, ISO UTC last contact, and `{qty} × {license}` per license in use. */
async function instanceRows(db: DbOrTx, va: Va): Promise<ReportCell[][]> {
  const pis = await db.select().from(productInstances).where(eq(productInstances.virtualAccountId, va.id));
  if (pis.length === 0) return [];
  const usage = await db
    .select({ piId: licenseUsage.productInstanceId, license: licenseDefinitions.displayName, count: max(licenseUsage.count) })
    .from(licenseUsage)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
    .where(inArray(licenseUsage.productInstanceId, pis.map((p) => p.id)))
    .groupBy(licenseUsage.productInstanceId, licenseDefinitions.displayName);
  const inUse = new Map<string, string[]>();
  for (const u of usage.filter((x) => Number(x.count) > 0).sort((a, b) => byName(a.license, b.license))) {
    inUse.set(u.piId, [...(inUse.get(u.piId) ?? []), `${Number(u.count)} × ${u.license}`]);
  }
  return pis
    .map((pi) => ({ pi, name: piDisplayName(pi) }))
    .sort((a, b) => byName(a.name, b.name))
    .map(({ pi, name }) => [
      va.name,
      name,
      pi.udiPid,
      pi.udiSn,
      pi.productType,
      pi.lastContactAt?.toISOString() ?? "",
      pi.reservation === "NONE" ? "No" : pi.reservation,
      (inUse.get(pi.id) ?? []).join("; "),
    ]);
}

/** The rows of one report, one VA at a time, so a large report streams instead of building in memory. */
export async function* reportRows(db: DbOrTx, ctx: AccessContext, report: ReportKey, vas: Va[]): AsyncGenerator<ReportCell[]> {
  for (const va of vas) {
    const rows =
      report === "licenses" ? await licenseRows(db, ctx, va) : report === "license-subscriptions" ? await subscriptionRows(db, va) : await instanceRows(db, va);
    yield* rows;
  }
}
