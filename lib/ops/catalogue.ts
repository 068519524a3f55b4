import { asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { hsecMap, licenseDefinitions, productMap, skuMap } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { escapeLike } from "@/lib/lists/paging";
import { requireLicensingOps } from "./smart-accounts";

// S-34 Catalogue list filter.
export const catalogueListSchema = z.object({
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type CatalogueListFilter = z.infer<typeof catalogueListSchema>;

const substitutes = alias(licenseDefinitions, "substitutes");
const upgrade = alias(licenseDefinitions, "upgrade");

/** S-34 Catalogue: one page of the D-5 definitions by display name; search by name or tag. */
export async function listLicenseDefinitions(db: DbOrTx, ctx: AccessContext, f: CatalogueListFilter) {
  requireLicensingOps(ctx);
  let where: SQL | undefined;
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where = or(
      ilike(licenseDefinitions.displayName, pattern),
      ilike(licenseDefinitions.shortTag, pattern),
      ilike(licenseDefinitions.entitlementTag, pattern),
    );
  }
  const [{ total }] = await db.select({ total: count() }).from(licenseDefinitions).where(where);
  const rows = await db
    .select({
      id: licenseDefinitions.id,
      displayName: licenseDefinitions.displayName,
      shortTag: licenseDefinitions.shortTag,
      entitlementTag: licenseDefinitions.entitlementTag,
      enforcement: licenseDefinitions.enforcement,
      duration: licenseDefinitions.duration,
      billing: licenseDefinitions.billing,
      tierLabel: licenseDefinitions.tierLabel,
      productFamilies: licenseDefinitions.productFamilies,
      substitutesFor: substitutes.displayName,
      upgradeTo: upgrade.displayName,
      isPlr: licenseDefinitions.isPlr,
      reportingOnly: licenseDefinitions.reportingOnly,
    })
    .from(licenseDefinitions)
    .leftJoin(substitutes, eq(substitutes.id, licenseDefinitions.substitutesForId))
    .leftJoin(upgrade, eq(upgrade.id, licenseDefinitions.upgradeToId))
    .where(where)
    .orderBy(asc(licenseDefinitions.displayName), asc(licenseDefinitions.entitlementTag))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

const mapLicense = alias(licenseDefinitions, "map_license");
const mapTarget = alias(licenseDefinitions, "map_target");

/** S-34 Catalogue: the D-27 maps, read-only (they change only with the reference data). */
export async function catalogueMaps(db: DbOrTx, ctx: AccessContext) {
  requireLicensingOps(ctx);
  const products = await db
    .select({
      id: productMap.id,
      pidPattern: productMap.pidPattern,
      productType: productMap.productType,
      productDescription: productMap.productDescription,
      productFamily: productMap.productFamily,
      softwareTag: productMap.softwareTag,
    })
    .from(productMap)
    .orderBy(productMap.pidPattern);
  const hsec = await db
    .select({ id: hsecMap.id, pidPattern: hsecMap.pidPattern, license: mapLicense.displayName, upgradeTarget: mapTarget.displayName })
    .from(hsecMap)
    .innerJoin(mapLicense, eq(mapLicense.id, hsecMap.licenseDefinitionId))
    .leftJoin(mapTarget, eq(mapTarget.id, hsecMap.upgradeTargetId))
    .orderBy(hsecMap.pidPattern);
  const skus = await db
    .select({
      id: skuMap.id,
      sku: skuMap.sku,
      productFamily: skuMap.productFamily,
      featureName: skuMap.featureName,
      featureVersion: skuMap.featureVersion,
      smartEquivalent: mapLicense.displayName,
      evalAllowed: skuMap.evalAllowed,
    })
    .from(skuMap)
    .leftJoin(mapLicense, eq(mapLicense.id, skuMap.licenseDefinitionId))
    .orderBy(skuMap.sku, skuMap.featureName);
  return { products, hsec, skus };
}
export type CatalogueMaps = Awaited<ReturnType<typeof catalogueMaps>>;
