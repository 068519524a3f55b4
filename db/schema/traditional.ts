import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { createdAt, tstz } from "./columns";

// D-17
export const pakType = pgEnum("pak_type", ["STANDARD", "BULK", "DEMO"]);
export const paks = pgTable(
  "paks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pak: text("pak").notNull().unique(),
    type: pakType("type").notNull().default("STANDARD"),
    orderNumber: text("order_number"),
    orderDate: date("order_date"),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    smartAccountId: uuid("smart_account_id").references(() => smartAccounts.id),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    partialFulfillment: boolean("partial_fulfillment").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [check("paks_format", sql`${t.pak} ~ '^[A-Z0-9]{11}$'`)],
);

export const tradLicenseKind = pgEnum("trad_license_kind", ["PERPETUAL", "TERM"]);
export const pakLines = pgTable(
  "pak_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pakId: uuid("pak_id")
      .notNull()
      .references(() => paks.id),
    sku: text("sku").notNull(),
    description: text("description").notNull().default(""),
    productFamily: text("product_family").notNull().default(""),
    allowedPids: text("allowed_pids").array().notNull().default([]),
    featureName: text("feature_name").notNull(),
    featureVersion: text("feature_version").notNull().default("1.0"),
    licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
    licenseType: tradLicenseKind("license_type").notNull().default("PERPETUAL"),
    termEnd: date("term_end"),
    qtyOrdered: integer("qty_ordered").notNull(),
    qtyFulfilled: integer("qty_fulfilled").notNull().default(0),
    qtyConverted: integer("qty_converted").notNull().default(0),
  },
  (t) => [
    // INV-10
    check(
      "pak_lines_quantities",
      sql`${t.qtyFulfilled} >= 0 and ${t.qtyConverted} >= 0 and ${t.qtyFulfilled} + ${t.qtyConverted} <= ${t.qtyOrdered}`,
    ),
  ],
);

export const tradDevices = pgTable(
  "trad_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    udiPid: text("udi_pid").notNull(),
    udiSn: text("udi_sn").notNull(),
    productFamily: text("product_family").notNull().default(""),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    smartAccountId: uuid("smart_account_id").references(() => smartAccounts.id),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("trad_devices_udi").on(sql`lower(${t.udiPid})`, sql`lower(${t.udiSn})`)],
);

export const tradLineType = pgEnum("trad_line_type", ["PERMANENT", "EVALUATION", "EXTENSION", "GRACE", "SUBSCRIPTION"]);
export const tradLineStatus = pgEnum("trad_line_status", ["ACTIVE", "REVOKED", "REHOSTED", "RMA_REPLACED", "CONVERTED"]);
export const tradLicenseLines = pgTable("trad_license_lines", {
  id: uuid("id").primaryKey().defaultRandom(),
  deviceId: uuid("device_id")
    .notNull()
    .references(() => tradDevices.id),
  pakLineId: uuid("pak_line_id").references(() => pakLines.id),
  feature: text("feature").notNull(),
  version: text("version").notNull().default("1.0"),
  type: tradLineType("type").notNull(),
  count: integer("count"),
  expiresAt: tstz("expires_at"),
  lineText: text("line_text"),
  hash: text("hash"),
  comment: text("comment"),
  status: tradLineStatus("status").notNull().default("ACTIVE"),
  issuedAt: tstz("issued_at").notNull(),
  issuedBy: uuid("issued_by").references(() => users.id),
});

export const tradFileKind = pgEnum("trad_file_kind", ["PAK", "DEMO", "RMA", "REHOST", "RESEND"]);
export const tradLicenseFiles = pgTable("trad_license_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  deviceId: uuid("device_id")
    .notNull()
    .references(() => tradDevices.id),
  fileName: text("file_name").notNull(),
  content: text("content").notNull(),
  kind: tradFileKind("kind").notNull(),
  emailedTo: text("emailed_to").array().notNull().default([]),
  createdAt: createdAt(),
});

export const rehostStatus = pgEnum("rehost_status", [
  "PERMISSION_TICKET_ISSUED",
  "REHOST_TICKET_RECEIVED",
  "COMPLETED",
  "CANCELLED",
]);
export const rehostTransactions = pgTable("rehost_transactions", {
  id: uuid("id").primaryKey().defaultRandom(),
  sourceDeviceId: uuid("source_device_id")
    .notNull()
    .references(() => tradDevices.id),
  destUdi: text("dest_udi").notNull(),
  selectedLineIds: uuid("selected_line_ids").array().notNull().default([]),
  permissionTicket: text("permission_ticket"),
  rehostTicket: text("rehost_ticket"),
  status: rehostStatus("status").notNull(),
  graceExpiresAt: tstz("grace_expires_at"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const rmaStatus = pgEnum("rma_status", ["SUBMITTED", "LICENSES_ISSUED", "REJECTED"]);
export const rmaRequests = pgTable("rma_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  failedDeviceId: uuid("failed_device_id")
    .notNull()
    .references(() => tradDevices.id),
  replacementUdi: text("replacement_udi").notNull(),
  rmaNumber: text("rma_number"),
  status: rmaStatus("status").notNull(),
  fileId: uuid("file_id").references(() => tradLicenseFiles.id),
  createdAt: createdAt(),
});

// Per-user PAK list of the Traditional portal (S-52 `Add New PAKs/Tokens...`).
export const userPaks = pgTable(
  "user_paks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pakId: uuid("pak_id")
      .notNull()
      .references(() => paks.id),
    addedAt: tstz("added_at").notNull(),
  },
  (t) => [uniqueIndex("user_paks_pk").on(t.userId, t.pakId)],
);

// S-52 `Manage PAKs ▾` › `Hide`: hiding is per user, so a PAK hidden by one user stays listed for others.
export const tradHiddenPaks = pgTable(
  "trad_hidden_paks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pakId: uuid("pak_id")
      .notNull()
      .references(() => paks.id, { onDelete: "cascade" }),
    hiddenAt: tstz("hidden_at").notNull(),
  },
  (t) => [uniqueIndex("trad_hidden_paks_pk").on(t.userId, t.pakId)],
);
