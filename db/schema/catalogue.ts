import { type AnyPgColumn, boolean, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts } from "./accounts";
import { createdAt } from "./columns";

// D-5
export const enforcement = pgEnum("enforcement", ["UNENFORCED", "ENFORCED", "EXPORT_CONTROLLED"]);
export const licenseDuration = pgEnum("license_duration", ["PERPETUAL", "SUBSCRIPTION"]);
export const billing = pgEnum("billing", ["PREPAID", "USAGE"]);

export const licenseDefinitions = pgTable("license_definitions", {
  id: uuid("id").primaryKey().defaultRandom(),
  entitlementTag: text("entitlement_tag").notNull().unique(),
  shortTag: text("short_tag").notNull(),
  displayName: text("display_name").notNull(),
  description: text("description").notNull().default(""),
  featureName: text("feature_name"),
  enforcement: enforcement("enforcement").notNull(),
  duration: licenseDuration("duration").notNull(),
  billing: billing("billing").notNull().default("PREPAID"),
  tierLabel: text("tier_label"),
  productFamilies: text("product_families").array().notNull().default([]),
  substitutesForId: uuid("substitutes_for_id").references((): AnyPgColumn => licenseDefinitions.id),
  isPlr: boolean("is_plr").notNull().default(false),
  reportingOnly: boolean("reporting_only").notNull().default(false),
  upgradeToId: uuid("upgrade_to_id").references((): AnyPgColumn => licenseDefinitions.id),
  createdAt: createdAt(),
});
export type LicenseDefinition = typeof licenseDefinitions.$inferSelect;

// D-27
export const productMap = pgTable("product_map", {
  id: uuid("id").primaryKey().defaultRandom(),
  pidPattern: text("pid_pattern").notNull().unique(),
  productType: text("product_type").notNull(),
  productDescription: text("product_description").notNull().default(""),
  productFamily: text("product_family").notNull().default(""),
  softwareTag: text("software_tag"),
});

export const hsecMap = pgTable("hsec_map", {
  id: uuid("id").primaryKey().defaultRandom(),
  pidPattern: text("pid_pattern").notNull().unique(),
  licenseDefinitionId: uuid("license_definition_id")
    .notNull()
    .references(() => licenseDefinitions.id),
  upgradeTargetId: uuid("upgrade_target_id").references(() => licenseDefinitions.id),
});

export const skuMap = pgTable("sku_map", {
  id: uuid("id").primaryKey().defaultRandom(),
  sku: text("sku").notNull(),
  productFamily: text("product_family").notNull().default(""),
  featureName: text("feature_name").notNull(),
  featureVersion: text("feature_version").notNull().default("1.0"),
  licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
  evalAllowed: boolean("eval_allowed").notNull().default(false),
}, (t) => [uniqueIndex("sku_map_sku_feature").on(t.sku, t.featureName)]);

// D-22
export const licenseTags = pgTable(
  "license_tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("license_tags_name_per_sa").on(t.smartAccountId, t.name)],
);

export const licenseTagLinks = pgTable(
  "license_tag_links",
  {
    tagId: uuid("tag_id")
      .notNull()
      .references(() => licenseTags.id, { onDelete: "cascade" }),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
  },
  (t) => [uniqueIndex("license_tag_links_pk").on(t.tagId, t.licenseDefinitionId)],
);
