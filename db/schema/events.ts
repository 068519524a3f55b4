import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { tstz } from "./columns";
import { conversions } from "./conversion";
import { productInstances } from "./inventory";

// D-20: append-only; the message is rendered at write time (§7).
export const workspace = pgEnum("workspace", ["CSSM", "CSLU", "ONPREM", "TRAD"]);
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    smartAccountId: uuid("smart_account_id").references(() => smartAccounts.id, { onDelete: "cascade" }),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    /** Every VA whose log lists the event (E-4, E-11 and E-14 name two). */
    vaIds: uuid("va_ids").array().notNull().default([]),
    productInstanceId: uuid("product_instance_id").references(() => productInstances.id, {
      onDelete: "set null",
    }),
    licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
    conversionId: uuid("conversion_id").references(() => conversions.id),
    workspace: workspace("workspace").notNull().default("CSSM"),
    type: text("type").notNull(),
    category: text("category").notNull(),
    message: text("message").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull().default(""),
    shownIn: text("shown_in").array().notNull().default([]),
    occurredAt: tstz("occurred_at").notNull(),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [
    index("events_sa_time_idx").on(t.smartAccountId, t.occurredAt),
    index("events_va_time_idx").on(t.virtualAccountId, t.occurredAt),
    index("events_va_ids_idx").using("gin", t.vaIds),
    index("events_pi_idx").on(t.productInstanceId),
    index("events_license_idx").on(t.licenseDefinitionId),
    index("events_message_trgm").using("gin", sql`${t.message} gin_trgm_ops`),
  ],
);
export type EventRow = typeof events.$inferSelect;
