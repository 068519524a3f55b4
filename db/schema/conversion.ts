import { sql } from "drizzle-orm";
import { check, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { createdAt, tstz } from "./columns";

// D-18
export const conversionSource = pgEnum("conversion_source", ["PAK", "DEVICE"]);
export const conversionMethod = pgEnum("conversion_method", ["PAK_WIZARD", "DEVICE_WIZARD", "DLC", "LRP"]);
export const conversionStatus = pgEnum("conversion_status", ["IN_PROGRESS", "CONVERTED", "FAILED"]);
export const conversions = pgTable("conversions", {
  id: uuid("id").primaryKey().defaultRandom(),
  smartAccountId: uuid("smart_account_id")
    .notNull()
    .references(() => smartAccounts.id),
  virtualAccountId: uuid("virtual_account_id")
    .notNull()
    .references(() => virtualAccounts.id),
  source: conversionSource("source").notNull(),
  method: conversionMethod("method").notNull(),
  pak: text("pak"),
  udiPid: text("udi_pid"),
  udiSn: text("udi_sn"),
  productFamily: text("product_family"),
  status: conversionStatus("status").notNull(),
  initiatedBy: uuid("initiated_by").references(() => users.id),
  initiatedAt: tstz("initiated_at").notNull(),
  completedAt: tstz("completed_at"),
  createdAt: createdAt(),
});

export const conversionLineStatus = pgEnum("conversion_line_status", ["Converted", "Failed"]);
export const conversionLines = pgTable(
  "conversion_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversionId: uuid("conversion_id")
      .notNull()
      .references(() => conversions.id),
    sku: text("sku").notNull(),
    productFamily: text("product_family").notNull().default(""),
    quantity: integer("quantity").notNull(),
    type: text("type").notNull(),
    status: conversionLineStatus("status").notNull(),
    licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
    conversionString: text("conversion_string"),
    udiPid: text("udi_pid"),
    udiSn: text("udi_sn"),
    message: text("message"),
  },
  (t) => [
    check("conversion_lines_quantity_nonneg", sql`${t.quantity} >= 0`),
    uniqueIndex("conversion_lines_dlc_once")
      .on(t.udiPid, t.udiSn, t.conversionString)
      .where(sql`${t.conversionString} is not null and ${t.status} = 'Converted'`),
  ],
);
