import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { citext, createdAt, tstz } from "./columns";
import { policies } from "./policy";

// D-1
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: citext("email").notNull().unique(),
  ccoId: text("cco_id").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash"),
  licensingOps: boolean("licensing_ops").notNull().default(false),
  disabledAt: tstz("disabled_at"),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// D-1a
export const signInChannel = pgEnum("sign_in_channel", ["FORM", "API_PASSWORD"]);
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    clientAddress: text("client_address").notNull(),
    channel: signInChannel("channel").notNull(),
    succeeded: boolean("succeeded").notNull(),
    occurredAt: tstz("occurred_at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_user_idx").on(t.userId, t.occurredAt),
    index("sign_in_attempts_address_idx").on(t.clientAddress, t.occurredAt),
  ],
);

// D-2
export const accountType = pgEnum("account_type", ["CUSTOMER", "PARTNER", "HOLDING"]);
export const accountStatus = pgEnum("account_status", ["Active", "Inactive"]);
export const smartAccounts = pgTable(
  "smart_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id").notNull().unique(),
    name: text("name").notNull().unique(),
    domain: citext("domain").notNull().unique(),
    accountType: accountType("account_type").notNull().default("CUSTOMER"),
    status: accountStatus("status").notNull().default("Active"),
    exportControlledAllowed: boolean("export_controlled_allowed").notNull().default(true),
    reservationEnabled: boolean("reservation_enabled").notNull().default(false),
    plrEnabled: boolean("plr_enabled").notNull().default(false),
    autoConversion: boolean("auto_conversion").notNull().default(false),
    policyId: uuid("policy_id").references(() => policies.id),
    createdAt: createdAt(),
  },
  (t) => [check("smart_accounts_account_id_digits", sql`${t.accountId} ~ '^[0-9]{6,9}$'`)],
);
export type SmartAccount = typeof smartAccounts.$inferSelect;

// D-4
export const virtualAccounts = pgTable(
  "virtual_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id),
    vaNumericId: text("va_numeric_id").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    policyId: uuid("policy_id").references(() => policies.id),
    deletedAt: tstz("deleted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("virtual_accounts_name_per_sa")
      .on(t.smartAccountId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex("virtual_accounts_one_default_per_sa")
      .on(t.smartAccountId)
      .where(sql`${t.isDefault} and ${t.deletedAt} is null`),
    check("virtual_accounts_name_length", sql`char_length(${t.name}) between 1 and 80`),
    check("virtual_accounts_description_length", sql`char_length(${t.description}) <= 255`),
  ],
);
export type VirtualAccount = typeof virtualAccounts.$inferSelect;

// D-3
export const roleName = pgEnum("role_name", [
  "SA_ADMIN",
  "SA_USER",
  "SA_VIEWER",
  "VA_ADMIN",
  "VA_USER",
  "VA_VIEWER",
]);
export type RoleName = (typeof roleName.enumValues)[number];
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id, { onDelete: "cascade" }),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id, {
      onDelete: "cascade",
    }),
    role: roleName("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("role_assignments_user_sa_va").on(t.userId, t.smartAccountId, t.virtualAccountId),
    uniqueIndex("role_assignments_one_sa_role")
      .on(t.userId, t.smartAccountId)
      .where(sql`${t.virtualAccountId} is null`),
    index("role_assignments_sa_idx").on(t.smartAccountId),
    check(
      "role_assignments_scope",
      sql`(${t.role} in ('SA_ADMIN','SA_USER','SA_VIEWER') and ${t.virtualAccountId} is null)
        or (${t.role} in ('VA_ADMIN','VA_USER','VA_VIEWER') and ${t.virtualAccountId} is not null)`,
    ),
  ],
);
export type RoleAssignment = typeof roleAssignments.$inferSelect;

// D-3a
export const saUserStatus = pgTable(
  "sa_user_status",
  {
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    disabledAt: tstz("disabled_at").notNull(),
    disabledBy: uuid("disabled_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.smartAccountId, t.userId] })],
);

// D-28
export const userPreferences = pgTable(
  "user_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    smartAccountId: uuid("smart_account_id").references(() => smartAccounts.id, {
      onDelete: "cascade",
    }),
    timeZone: text("time_zone").notNull().default("UTC"),
    notify: jsonb("notify").notNull().default({}),
    hideAlerts: boolean("hide_alerts").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_preferences_user_sa").on(t.userId, t.smartAccountId)],
);

export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  attachments: jsonb("attachments").notNull().default([]),
  createdAt: createdAt(),
});

// D-25
export const oauthGrant = pgEnum("oauth_grant", ["client_credentials", "password"]);
export const apiClients = pgTable("api_clients", {
  id: uuid("id").primaryKey().defaultRandom(),
  clientId: text("client_id").notNull().unique(),
  clientSecretHash: text("client_secret_hash").notNull(),
  name: text("name").notNull(),
  ownerUserId: uuid("owner_user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  smartAccountId: uuid("smart_account_id").references(() => smartAccounts.id, {
    onDelete: "cascade",
  }),
  revokedAt: tstz("revoked_at"),
  createdAt: createdAt(),
});
export const oauthTokens = pgTable("oauth_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  clientId: text("client_id").notNull(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  grant: oauthGrant("grant").notNull(),
  expiresAt: tstz("expires_at").notNull(),
  createdAt: createdAt(),
});
