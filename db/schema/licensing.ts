import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { createdAt, tstz } from "./columns";

export const lotLicenseType = pgEnum("lot_license_type", ["PERPETUAL", "TERM", "SUBSCRIPTION", "DEMO"]);
export const lotSource = pgEnum("lot_source", [
  "ORDER",
  "PAK_CONVERSION",
  "DEVICE_CONVERSION",
  "DLC",
  "TRANSFER",
  "UPGRADE",
  "ADJUSTMENT",
]);
export const lotStatus = pgEnum("lot_status", ["ACTIVE", "EXPIRED", "REPLACED"]);

// D-6
export const licenseLots = pgTable(
  "license_lots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
    quantity: integer("quantity").notNull(),
    expiredQuantity: integer("expired_quantity").notNull().default(0),
    licenseType: lotLicenseType("license_type").notNull(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    subscriptionId: text("subscription_id"),
    source: lotSource("source").notNull(),
    sourceRef: text("source_ref"),
    sku: text("sku"),
    pendingQuantity: integer("pending_quantity").notNull().default(0),
    status: lotStatus("status").notNull().default("ACTIVE"),
    createdAt: createdAt(),
  },
  (t) => [
    index("license_lots_va_license_idx").on(t.virtualAccountId, t.licenseDefinitionId),
    check("license_lots_quantity_nonneg", sql`${t.quantity} >= 0`),
    check("license_lots_pending_nonneg", sql`${t.pendingQuantity} >= 0`),
    check("license_lots_expired_nonneg", sql`${t.expiredQuantity} >= 0`),
  ],
);
export type LicenseLot = typeof licenseLots.$inferSelect;

// D-7
export const licenseTransactionType = pgEnum("license_transaction_type", [
  "ORDER",
  "PAK_CONVERSION",
  "DEVICE_CONVERSION",
  "DLC",
  "TRANSFER_OUT",
  "TRANSFER_IN",
  "UPGRADE_IN",
  "UPGRADE_OUT",
  "EXPIRY",
  "ADJUSTMENT",
]);
export const licenseTransactions = pgTable(
  "license_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id),
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
    lotId: uuid("lot_id")
      .notNull()
      .references(() => licenseLots.id),
    delta: integer("delta").notNull(),
    type: licenseTransactionType("type").notNull(),
    transferGroupId: uuid("transfer_group_id"),
    counterpartVaId: uuid("counterpart_va_id").references(() => virtualAccounts.id),
    orderNumber: text("order_number"),
    sku: text("sku"),
    pak: text("pak"),
    udi: text("udi"),
    memo: text("memo"),
    userId: uuid("user_id").references(() => users.id),
    occurredAt: tstz("occurred_at").notNull(),
  },
  (t) => [
    index("license_transactions_sa_time_idx").on(t.smartAccountId, t.occurredAt),
    index("license_transactions_va_license_idx").on(t.virtualAccountId, t.licenseDefinitionId),
    index("license_transactions_lot_idx").on(t.lotId),
    check("license_transactions_delta_nonzero", sql`${t.delta} <> 0 or ${t.type} = 'ORDER'`),
    check("license_transactions_memo_length", sql`${t.memo} is null or char_length(${t.memo}) <= 255`),
  ],
);

// D-8
export const orders = pgTable("orders", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderNumber: text("order_number").notNull().unique(),
  smartAccountId: uuid("smart_account_id")
    .notNull()
    .references(() => smartAccounts.id),
  virtualAccountId: uuid("virtual_account_id")
    .notNull()
    .references(() => virtualAccounts.id),
  orderDate: date("order_date").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    sku: text("sku").notNull(),
    licenseDefinitionId: uuid("license_definition_id")
      .notNull()
      .references(() => licenseDefinitions.id),
    quantity: integer("quantity").notNull(),
    licenseType: lotLicenseType("license_type").notNull(),
    startDate: date("start_date"),
    endDate: date("end_date"),
    subscriptionId: text("subscription_id"),
    pendingUpgrade: boolean("pending_upgrade").notNull().default(false),
    lotId: uuid("lot_id").references(() => licenseLots.id),
  },
  (t) => [check("order_lines_quantity_positive", sql`${t.quantity} > 0`)],
);
