import { getTableColumns, inArray, not, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { hsecMap, licenseDefinitions, policies, productMap, skuMap } from "@/db/schema";
import { uuidv5 } from "@/lib/ids";
import {
  CATALOGUE,
  type CatalogueEntry,
  CISCO_DEFAULT_POLICY,
  EVAL_FEATURES,
  HSEC_MAP,
  POLICIES,
  PRODUCT_MAP,
  type ProductMapEntry,
  SKU_MAP,
} from "./catalogue-data";

/**
 * Reference data (DD-1): `Cisco default` (P-2), the P-3 policies, the DD-4 catalogue and the
 * D-27 maps. Ids are deterministic, so loading twice changes nothing.
 */

const BY_NUMBER = new Map(CATALOGUE.map((e) => [e.n, e]));

export function catalogueEntry(n: number): CatalogueEntry {
  const entry = BY_NUMBER.get(n);
  if (!entry) throw new Error(`DD-4 has no license #${n}`);
  return entry;
}

/** The deterministic id of DD-4 license #n. */
export function licenseId(n: number): string {
  return uuidv5(`license-definition:${catalogueEntry(n).shortTag}`);
}

/** `regid.2020-01.com.cisco.{SHORT},1.0_{uuidv5(SHORT)}` (DD-1, synthetic tags). */
export function syntheticTag(short: string): string {
  return `regid.2020-01.com.cisco.${short},1.0_${uuidv5(short)}`;
}

/** The entitlement tag of DD-4 license #n (full, or synthetic where DD-4 marks (s)). */
export function entitlementTag(n: number): string {
  const entry = catalogueEntry(n);
  return entry.tag ?? syntheticTag(entry.shortTag);
}

/** The deterministic id of a reference policy, e.g. `policyId("SLP Policy")`. */
export function policyId(name: string): string {
  return uuidv5(`policy:${name}`);
}

export const ciscoDefaultPolicyId = (): string => policyId(CISCO_DEFAULT_POLICY);

export const REFERENCE_POLICY_IDS: readonly string[] = POLICIES.map((p) => policyId(p.name));
export const REFERENCE_LICENSE_IDS: readonly string[] = CATALOGUE.map((e) => licenseId(e.n));

/** The D-27 product-map row whose pattern matches the PID, if any. */
export function productMapEntryForPid(pid: string): ProductMapEntry | undefined {
  return PRODUCT_MAP.find((row) => new RegExp(row.pidPattern).test(pid));
}

function softwareTagOf(row: ProductMapEntry): string {
  return row.softwareTag.startsWith("regid.") ? row.softwareTag : syntheticTag(row.softwareTag);
}

export function softwareTagForPid(pid: string): string | null {
  const row = productMapEntryForPid(pid);
  return row ? softwareTagOf(row) : null;
}

/** `set` for an upsert that takes every column (but the key and created_at) from the new row. */
function fromExcluded(table: PgTable, keep: string[] = ["id", "createdAt"]) {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([key]) => !keep.includes(key))
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  ) as never;
}

function policyRows() {
  return POLICIES.map((p) => ({
    id: policyId(p.name),
    name: p.name,
    isCiscoDefault: p.isCiscoDefault,
    ackRequired: p.ackRequired,
    expFirst: p.exp[0],
    expFreq: p.exp[1],
    expChange: p.exp[2],
    enfFirst: p.enf[0],
    enfFreq: p.enf[1],
    enfChange: p.enf[2],
    unpFirst: p.unp[0],
    unpFreq: p.unp[1],
    unpChange: p.unp[2],
    unsFirst: p.uns[0],
    unsFreq: p.uns[1],
    unsChange: p.uns[2],
    version: 1,
  }));
}

function licenseRows() {
  return CATALOGUE.map((e) => ({
    id: licenseId(e.n),
    entitlementTag: entitlementTag(e.n),
    shortTag: e.shortTag,
    displayName: e.displayName,
    description: e.description ?? e.displayName,
    featureName: e.featureName ?? null,
    enforcement: e.enforcement,
    duration: e.duration,
    billing: e.billing,
    tierLabel: e.tierLabel ?? null,
    productFamilies: e.productFamilies,
    substitutesForId: e.substitutesFor ? licenseId(e.substitutesFor) : null,
    isPlr: e.isPlr ?? false,
    reportingOnly: e.reportingOnly ?? false,
    upgradeToId: e.upgradeTo ? licenseId(e.upgradeTo) : null,
  }));
}

export type LoadReferenceOptions = {
  /**
   * Also restore policies and license definitions that Licensing Operations edited or a
   * catalogue import updated (used by the demo reset, W-59). Without it, existing rows are left
   * alone and only missing ones are added, so a restart never undoes an operator's change.
   */
  overwrite?: boolean;
};

/** Loads the reference data. Idempotent: a second run changes nothing. */
export async function loadReferenceData(db: DbOrTx, options: LoadReferenceOptions = {}): Promise<void> {
  const overwrite = options.overwrite ?? false;

  const policyInsert = db.insert(policies).values(policyRows());
  await (overwrite
    ? policyInsert.onConflictDoUpdate({ target: policies.id, set: fromExcluded(policies) })
    : policyInsert.onConflictDoNothing());

  // One statement: the self references (#29 → #41, #2/#12/#14 → #1) are checked at its end.
  const licenseInsert = db.insert(licenseDefinitions).values(licenseRows());
  await (overwrite
    ? licenseInsert.onConflictDoUpdate({ target: licenseDefinitions.id, set: fromExcluded(licenseDefinitions) })
    : licenseInsert.onConflictDoNothing());

  // The D-27 maps change only with the reference data (F-12a), so they are always upserted.
  await db
    .insert(productMap)
    .values(
      PRODUCT_MAP.map((row) => ({
        id: uuidv5(`product-map:${row.pidPattern}`),
        pidPattern: row.pidPattern,
        productType: row.productType,
        productDescription: row.productDescription,
        productFamily: row.productFamily,
        softwareTag: softwareTagOf(row),
      })),
    )
    .onConflictDoUpdate({ target: productMap.id, set: fromExcluded(productMap, ["id"]) });

  await db
    .insert(hsecMap)
    .values(
      HSEC_MAP.map((row) => ({
        id: uuidv5(`hsec-map:${row.pidPattern}`),
        pidPattern: row.pidPattern,
        licenseDefinitionId: licenseId(row.license),
        upgradeTargetId: licenseId(row.upgradeTarget),
      })),
    )
    .onConflictDoUpdate({ target: hsecMap.id, set: fromExcluded(hsecMap, ["id"]) });

  await db
    .insert(skuMap)
    .values(
      SKU_MAP.map((row) => ({
        id: uuidv5(`sku-map:${row.sku}:${row.featureName}`),
        sku: row.sku,
        productFamily: row.productFamily,
        featureName: row.featureName,
        featureVersion: row.featureVersion ?? "1.0",
        licenseDefinitionId: row.license === null ? null : licenseId(row.license),
        evalAllowed: EVAL_FEATURES.has(row.featureName),
      })),
    )
    .onConflictDoUpdate({ target: skuMap.id, set: fromExcluded(skuMap, ["id"]) });
}

/**
 * Removes what is not reference data from the reference tables: custom policies, imported
 * license definitions and stray map rows. Callers must first remove the rows that point at them
 * (the demo reset truncates every other table) and reload the reference data with `overwrite`.
 */
export async function pruneNonReferenceData(db: DbOrTx): Promise<void> {
  const mapIds = {
    product: PRODUCT_MAP.map((r) => uuidv5(`product-map:${r.pidPattern}`)),
    hsec: HSEC_MAP.map((r) => uuidv5(`hsec-map:${r.pidPattern}`)),
    sku: SKU_MAP.map((r) => uuidv5(`sku-map:${r.sku}:${r.featureName}`)),
  };
  await db.delete(productMap).where(not(inArray(productMap.id, mapIds.product)));
  await db.delete(hsecMap).where(not(inArray(hsecMap.id, mapIds.hsec)));
  await db.delete(skuMap).where(not(inArray(skuMap.id, mapIds.sku)));
  await db.delete(policies).where(not(inArray(policies.id, [...REFERENCE_POLICY_IDS])));
  await db.delete(licenseDefinitions).where(not(inArray(licenseDefinitions.id, [...REFERENCE_LICENSE_IDS])));
}
