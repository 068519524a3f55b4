import { boolean, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users } from "./accounts";
import { createdAt, tstz } from "./columns";

// D-13: twelve nullable day values; null inherits from `Cisco default`.
export const policies = pgTable("policies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  isCiscoDefault: boolean("is_cisco_default").notNull().default(false),
  ackRequired: boolean("ack_required"),
  expFirst: integer("exp_first"),
  expFreq: integer("exp_freq"),
  expChange: integer("exp_change"),
  enfFirst: integer("enf_first"),
  enfFreq: integer("enf_freq"),
  enfChange: integer("enf_change"),
  unpFirst: integer("unp_first"),
  unpFreq: integer("unp_freq"),
  unpChange: integer("unp_change"),
  unsFirst: integer("uns_first"),
  unsFreq: integer("uns_freq"),
  unsChange: integer("uns_change"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});
export type Policy = typeof policies.$inferSelect;

export const policyPublications = pgTable(
  "policy_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id, { onDelete: "cascade" }),
    publishedAt: tstz("published_at").notNull(),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [uniqueIndex("policy_publications_policy_sa").on(t.policyId, t.smartAccountId)],
);
