import { sql } from "drizzle-orm";
import { bigint, boolean, check, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { bytea, createdAt, tstz } from "./columns";
import { connectMethod, deviceReportStatus } from "./cslu";
import { acks } from "./usage";

// D-24a
export const onpremSettings = pgTable("onprem_settings", {
  id: text("id").primaryKey().default("default"),
  validateDevice: boolean("validate_device").notNull().default(false),
  natSupport: boolean("nat_support").notNull().default(false),
  proxyHost: text("proxy_host"),
  proxyPort: integer("proxy_port"),
  commonName: text("common_name").notNull().default("onprem.example.com"),
  ntpServers: text("ntp_servers"),
  ciscoSyncDays: integer("cisco_sync_days").notNull().default(1),
  ciscoSyncTime: text("cisco_sync_time").notNull().default("02:00"),
  devicePullDays: integer("device_pull_days").notNull().default(1),
  devicePullTime: text("device_pull_time").notNull().default("03:00"),
});

// D-24b
export const localAccountStatus = pgEnum("local_account_status", [
  "REQUESTED",
  "APPROVED",
  "REGISTERED",
  "REJECTED",
  "EXPIRED",
]);
export const registrationMode = pgEnum("registration_mode", ["NETWORK", "MANUAL"]);
export const onpremLocalAccounts = pgTable("onprem_local_accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  ciscoSaName: text("cisco_sa_name"),
  ciscoVaName: text("cisco_va_name"),
  notificationEmail: text("notification_email"),
  status: localAccountStatus("status").notNull(),
  requestedBy: uuid("requested_by").references(() => users.id),
  approvedBy: uuid("approved_by").references(() => users.id),
  mappedVaId: uuid("mapped_va_id")
    .unique()
    .references(() => virtualAccounts.id),
  registeredAt: tstz("registered_at"),
  lastAccountSyncAt: tstz("last_account_sync_at"),
  lastUsageSyncAt: tstz("last_usage_sync_at"),
  registrationMode: registrationMode("registration_mode"),
  createdAt: createdAt(),
});

// D-24c
export const onpremLocalVas = pgTable(
  "onprem_local_vas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    localAccountId: uuid("local_account_id")
      .notNull()
      .references(() => onpremLocalAccounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    tenantId: text("tenant_id").notNull().unique(),
    mappedCssmVaId: uuid("mapped_cssm_va_id").references(() => virtualAccounts.id),
  },
  (t) => [check("onprem_local_vas_tenant_format", sql`${t.tenantId} ~ '^[a-z0-9-]{3,64}$'`)],
);

// D-24d
export const onpremProductInstances = pgTable("onprem_product_instances", {
  id: uuid("id").primaryKey().defaultRandom(),
  localVaId: uuid("local_va_id")
    .notNull()
    .references(() => onpremLocalVas.id, { onDelete: "cascade" }),
  host: text("host"),
  connectMethod: connectMethod("connect_method").notNull(),
  username: text("username"),
  passwordEnc: bytea("password_enc"),
  udiPid: text("udi_pid"),
  udiSn: text("udi_sn"),
  hostname: text("hostname"),
  lastContactAt: tstz("last_contact_at"),
  alertText: text("alert_text"),
  dlcStatus: text("dlc_status"),
  validated: boolean("validated").notNull().default(false),
  behindNat: boolean("behind_nat").notNull().default(false),
  mappedSaName: text("mapped_sa_name"),
  mappedVaName: text("mapped_va_name"),
  createdAt: createdAt(),
});

// D-24e
export const onpremReports = pgTable("onprem_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  productInstanceId: uuid("product_instance_id")
    .notNull()
    .references(() => onpremProductInstances.id, { onDelete: "cascade" }),
  reportId: bigint("report_id", { mode: "number" }).notNull(),
  envelope: text("envelope").notNull(),
  status: deviceReportStatus("status").notNull().default("UNSENT"),
  exportBatch: text("export_batch"),
  ackId: uuid("ack_id").references(() => acks.id),
  createdAt: createdAt(),
});

// D-24f
export const syncKind = pgEnum("sync_kind", ["REGISTRATION", "ACCOUNT_SYNC", "USAGE_SYNC"]);
export const syncMode = pgEnum("sync_mode", ["NETWORK", "FILE"]);
export const syncStatus = pgEnum("sync_status", ["STARTED", "WAITING_FOR_RESPONSE", "COMPLETED", "FAILED"]);
export const onpremSyncRecords = pgTable("onprem_sync_records", {
  id: uuid("id").primaryKey().defaultRandom(),
  localAccountId: uuid("local_account_id")
    .notNull()
    .references(() => onpremLocalAccounts.id, { onDelete: "cascade" }),
  kind: syncKind("kind").notNull(),
  mode: syncMode("mode").notNull(),
  status: syncStatus("status").notNull(),
  requestFile: bytea("request_file"),
  responseFile: bytea("response_file"),
  startedAt: tstz("started_at").notNull(),
  completedAt: tstz("completed_at"),
  message: text("message"),
});

// D-24g
export const onpremRole = pgEnum("onprem_role", [
  "SYSTEM_ADMIN",
  "SYSTEM_OPERATOR",
  "LOCAL_ACCOUNT_ADMIN",
  "LOCAL_ACCOUNT_USER",
  "LOCAL_ACCOUNT_VIEWER",
]);
export const onpremRoles = pgTable(
  "onprem_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: onpremRole("role").notNull(),
    localAccountId: uuid("local_account_id").references(() => onpremLocalAccounts.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("onprem_roles_unique").on(t.userId, t.role, t.localAccountId)],
);

// D-24h: the CSSM-side record of an On-Prem server (`On-Prem Accounts` tab).
export const onpremServerStatus = pgEnum("onprem_server_status", ["Registered", "Expired", "Removed"]);
export const onpremServers = pgTable("onprem_servers", {
  id: uuid("id").primaryKey().defaultRandom(),
  smartAccountId: uuid("smart_account_id")
    .notNull()
    .references(() => smartAccounts.id),
  name: text("name").notNull(),
  version: text("version").notNull(),
  hostname: text("hostname"),
  isBuiltin: boolean("is_builtin").notNull().default(false),
  status: onpremServerStatus("status").notNull().default("Registered"),
  lastSyncAt: tstz("last_sync_at"),
  syncDueAt: tstz("sync_due_at"),
  pendingResponse: bytea("pending_response"),
  pendingResponseName: text("pending_response_name"),
  createdAt: createdAt(),
});

export const onpremServerAccounts = pgTable(
  "onprem_server_accounts",
  {
    serverId: uuid("server_id")
      .notNull()
      .references(() => onpremServers.id, { onDelete: "cascade" }),
    virtualAccountId: uuid("virtual_account_id")
      .notNull()
      .references(() => virtualAccounts.id),
    localAccountId: uuid("local_account_id").references(() => onpremLocalAccounts.id),
  },
  (t) => [uniqueIndex("onprem_server_accounts_pk").on(t.serverId, t.virtualAccountId)],
);
