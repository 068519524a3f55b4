import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { tstz } from "./columns";
import { productInstances } from "./inventory";
import { onpremServers } from "./onprem";

// D-19, P-11
export const alertType = pgEnum("alert_type", [
  "INSUFFICIENT_LICENSES",
  "LICENSES_EXPIRING",
  "LICENSES_EXPIRED",
  "PI_FAILED_TO_CONNECT",
  "REPORTING_OVERDUE",
  "REPORTING_DUE_SOON",
  "AUTHORIZATION_PENDING",
  "ONPREM_SYNC_OVERDUE",
  "ONPREM_EXPIRED",
  "NEW_LICENSES",
  "LICENSES_RESERVED",
]);
export const alertSeverity = pgEnum("alert_severity", ["MAJOR", "MINOR", "INFORMATIONAL"]);
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id, { onDelete: "cascade" }),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    productInstanceId: uuid("product_instance_id").references(() => productInstances.id, {
      onDelete: "cascade",
    }),
    licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
    onPremAccountId: uuid("on_prem_account_id").references(() => onpremServers.id),
    type: alertType("type").notNull(),
    severity: alertSeverity("severity").notNull(),
    message: text("message").notNull(),
    actionDueAt: tstz("action_due_at"),
    dedupeKey: text("dedupe_key").notNull(),
    raisedAt: tstz("raised_at").notNull(),
    clearedAt: tstz("cleared_at"),
    dismissedAt: tstz("dismissed_at"),
    dismissedBy: uuid("dismissed_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("alerts_open_dedupe").on(t.dedupeKey).where(sql`${t.clearedAt} is null`),
    index("alerts_sa_open_idx").on(t.smartAccountId).where(sql`${t.clearedAt} is null`),
    index("alerts_va_open_idx").on(t.virtualAccountId).where(sql`${t.clearedAt} is null`),
  ],
);
export type Alert = typeof alerts.$inferSelect;
