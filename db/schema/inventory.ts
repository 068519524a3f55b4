import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { bytea, createdAt, tstz } from "./columns";

export const trustState = pgEnum("trust_state", ["NONE", "INSTALLED"]);
export const reservationKind = pgEnum("reservation_kind", ["NONE", "SLR", "PLR"]);
export const piChannel = pgEnum("pi_channel", ["UPLOAD", "API", "CSLU", "ON_PREM", "DIRECT", "SEED"]);

export type HaMember = { role: "Active" | "Standby" | "Member"; pid: string; sn: string };

// D-9
export const productInstances = pgTable(
  "product_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id),
    udiPid: text("udi_pid").notNull(),
    udiSn: text("udi_sn").notNull(),
    udiVid: text("udi_vid"),
    hostname: text("hostname"),
    hostnameShared: boolean("hostname_shared").notNull().default(false),
    productType: text("product_type").notNull().default(""),
    productDescription: text("product_description").notNull().default(""),
    softwareTag: text("software_tag"),
    softwareVersion: text("software_version"),
    hostIdentifier: text("host_identifier"),
    macAddress: text("mac_address"),
    uuid: text("uuid"),
    registrationDate: tstz("registration_date").notNull(),
    lastContactAt: tstz("last_contact_at"),
    trustState: trustState("trust_state").notNull().default("NONE"),
    trustInstalledAt: tstz("trust_installed_at"),
    reservation: reservationKind("reservation").notNull().default("NONE"),
    exportControlledAllowed: boolean("export_controlled_allowed").notNull().default(true),
    utilityMode: boolean("utility_mode").notNull().default(false),
    haMembers: jsonb("ha_members").$type<HaMember[]>().notNull().default([]),
    firstConsumedAt: tstz("first_consumed_at"),
    lastReportAt: tstz("last_report_at"),
    lastAckAt: tstz("last_ack_at"),
    nextReportDueAt: tstz("next_report_due_at"),
    channel: piChannel("channel").notNull().default("UPLOAD"),
    createdAt: createdAt(),
  },
  (t) => [
    // A UDI is unique across the whole deployment, compared case-insensitively (D-9).
    uniqueIndex("product_instances_udi_unique").on(sql`lower(${t.udiPid})`, sql`lower(${t.udiSn})`),
    index("product_instances_va_idx").on(t.virtualAccountId),
    index("product_instances_sa_idx").on(t.smartAccountId),
    // The S-15 sort and search indexes (display name, trigram) live in the hand-written migration
    // 0002_product_instance_search.sql: drizzle-kit cannot express a ';' inside an index expression.
  ],
);
export type ProductInstance = typeof productInstances.$inferSelect;

// D-10
export const usageSource = pgEnum("usage_source", ["REPORTED", "SLR", "PLR", "SLAC"]);
export const licenseUsage = pgTable(
  "license_usage",
  {
    productInstanceId: uuid("product_instance_id")
      .notNull()
      .references(() => productInstances.id, { onDelete: "cascade" }),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
    source: usageSource("source").notNull(),
    count: integer("count").notNull(),
    lastReportId: bigint("last_report_id", { mode: "number" }),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productInstanceId, t.licenseDefinitionId, t.source] }),
    index("license_usage_license_idx").on(t.licenseDefinitionId),
    // The few rows that may overlap a reported row (reservations, SLACs): the license_in_use triggers
    // (migration 0007_license_in_use_triggers.sql) look for them to find the pairs whose surplus to correct.
    index("license_usage_not_reported_idx").on(t.productInstanceId, t.licenseDefinitionId).where(sql`${t.source} <> 'REPORTED'`),
    check("license_usage_count_nonneg", sql`${t.count} >= 0`),
  ],
);

/**
 * D-10 in use per (VA, license), kept by triggers on license_usage and product_instances (migration
 * 0007_license_in_use_triggers.sql) so the Licenses aggregate reads one row per license instead of
 * every usage row. `total` is Σ over the VA's instances of the largest count across sources;
 * `usageRows` counts the usage rows behind it: a row at 0 means no usage there any more, and stays.
 */
export const licenseInUse = pgTable(
  "license_in_use",
  {
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id, { onDelete: "cascade" }),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id, { onDelete: "cascade" }),
    total: bigint("total", { mode: "number" }).notNull(),
    usageRows: integer("usage_rows").notNull(),
  },
  (t) => [primaryKey({ columns: [t.virtualAccountId, t.licenseDefinitionId] })],
);

/**
 * The (instance, license) pairs whose sources overlap, with what their plain Σ count exceeds D-10's
 * largest count by: the triggers compare a pair's surplus now with this one to keep license_in_use
 * exact without knowing the pair's rows before the statement. Only pairs with a surplus are kept.
 */
export const licenseUsageOverlap = pgTable(
  "license_usage_overlap",
  {
    productInstanceId: uuid("product_instance_id")
      .notNull()
      .references(() => productInstances.id, { onDelete: "cascade" }),
    licenseDefinitionId: uuid("license_definition_id").notNull(),
    surplus: bigint("surplus", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productInstanceId, t.licenseDefinitionId] })],
);

// D-11
export const registrationTokens = pgTable(
  "registration_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id),
    tokenUuid: uuid("token_uuid").notNull(),
    tokenHash: bytea("token_hash").notNull().unique(),
    tokenCiphertext: bytea("token_ciphertext").notNull(),
    description: text("description").notNull().default(""),
    expiresAt: tstz("expires_at").notNull(),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    exportControlled: boolean("export_controlled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id),
    revokedAt: tstz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("registration_tokens_va_idx").on(t.virtualAccountId),
    check("registration_tokens_description_length", sql`char_length(${t.description}) <= 100`),
    check("registration_tokens_uses", sql`${t.uses} >= 0 and (${t.maxUses} is null or ${t.uses} <= ${t.maxUses})`),
    check("registration_tokens_max_uses", sql`${t.maxUses} is null or ${t.maxUses} between 1 and 1000000`),
  ],
);

// D-21
export const trustVia = pgEnum("trust_via", ["ID_TOKEN", "ACK"]);
export const trustCodes = pgTable(
  "trust_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productInstanceId: uuid("product_instance_id")
      .notNull()
      .references(() => productInstances.id, { onDelete: "cascade" }),
    secret: bytea("secret").notNull(),
    issuedAt: tstz("issued_at").notNull(),
    via: trustVia("via").notNull(),
    tokenId: uuid("token_id").references(() => registrationTokens.id),
    supersededAt: tstz("superseded_at"),
  },
  (t) => [
    uniqueIndex("trust_codes_one_active").on(t.productInstanceId).where(sql`${t.supersededAt} is null`),
  ],
);

// D-16
export const authorizationKind = pgEnum("authorization_kind", ["SLAC", "SLR", "PLR"]);
export const authorizationStatus = pgEnum("authorization_status", [
  "PENDING_CONFIRMATION",
  "INSTALLED",
  "RETURNED",
  "SUPERSEDED",
]);
export const authorizationIssuedVia = pgEnum("authorization_issued_via", [
  "WIZARD",
  "CSV",
  "REQUEST_FILE",
  "API",
  "ON_PREM",
  "CSLU",
]);
export const authorizations = pgTable(
  "authorizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productInstanceId: uuid("product_instance_id")
      .notNull()
      .references(() => productInstances.id),
    kind: authorizationKind("kind").notNull(),
    status: authorizationStatus("status").notNull(),
    piid: uuid("piid").notNull(),
    issuedAt: tstz("issued_at").notNull(),
    requestCode: text("request_code"),
    codeText: text("code_text"),
    plrVersion: smallint("plr_version"),
    confirmationCode: char("confirmation_code", { length: 8 }),
    confirmedAt: tstz("confirmed_at"),
    returnCode: text("return_code"),
    returnedAt: tstz("returned_at"),
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => authorizations.id),
    issuedVia: authorizationIssuedVia("issued_via").notNull().default("WIZARD"),
    createdAt: createdAt(),
  },
  (t) => [
    // INV-9
    uniqueIndex("authorizations_one_installed_slac")
      .on(t.productInstanceId)
      .where(sql`${t.kind} = 'SLAC' and ${t.status} = 'INSTALLED'`),
    uniqueIndex("authorizations_one_installed_reservation")
      .on(t.productInstanceId)
      .where(sql`${t.kind} in ('SLR','PLR') and ${t.status} = 'INSTALLED'`),
    uniqueIndex("authorizations_one_pending_update")
      .on(t.productInstanceId)
      .where(sql`${t.status} = 'PENDING_CONFIRMATION'`),
  ],
);

export const authorizationLines = pgTable(
  "authorization_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorizationId: uuid("authorization_id")
      .notNull()
      .references(() => authorizations.id, { onDelete: "cascade" }),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
    quantity: integer("quantity").notNull(),
    expires: date("expires"),
  },
  (t) => [check("authorization_lines_quantity_positive", sql`${t.quantity} > 0`)],
);
