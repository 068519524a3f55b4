import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { smartAccounts, users, virtualAccounts } from "./accounts";
import { licenseDefinitions } from "./catalogue";
import { bytea, createdAt, tstz } from "./columns";
import { productInstances } from "./inventory";

export const usageContainer = pgEnum("usage_container", ["XML", "TAR", "TGZ"]);
export const usageFileKind = pgEnum("usage_file_kind", ["RUM", "SLAC_REQUEST", "SLAC_RETURN", "MIXED"]);
export const usageFileStatus = pgEnum("usage_file_status", ["AWAITING_VA", "PROCESSING", "NO_ERRORS", "ERRORS"]);
export const reportChannel = pgEnum("report_channel", ["UPLOAD", "CSLU", "ON_PREM", "API", "DIRECT"]);

// D-14
export const acks = pgTable("acks", {
  id: uuid("id").primaryKey().defaultRandom(),
  smartAccountId: uuid("smart_account_id")
    .notNull()
    .references(() => smartAccounts.id),
  virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
  usageDataFileId: uuid("usage_data_file_id"),
  channel: reportChannel("channel").notNull(),
  xml: text("xml").notNull(),
  summary: jsonb("summary").notNull().default({}),
  deliveredTo: jsonb("delivered_to").notNull().default([]),
  createdAt: createdAt(),
});

// D-12
export const usageDataFiles = pgTable(
  "usage_data_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    fileName: text("file_name").notNull(),
    container: usageContainer("container").notNull(),
    kind: usageFileKind("kind").notNull().default("RUM"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    blob: bytea("blob").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    reportedAt: tstz("reported_at").notNull(),
    status: usageFileStatus("status").notNull(),
    deviceCount: integer("device_count").notNull().default(0),
    ackFileName: text("ack_file_name"),
    ackBlob: bytea("ack_blob"),
    ackId: uuid("ack_id").references(() => acks.id),
    processedAt: tstz("processed_at"),
    errorSummary: jsonb("error_summary"),
    channel: reportChannel("channel").notNull().default("UPLOAD"),
    createdAt: createdAt(),
  },
  (t) => [index("usage_data_files_sa_idx").on(t.smartAccountId, t.reportedAt)],
);

export const usageFileMembers = pgTable("usage_file_members", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileId: uuid("file_id")
    .notNull()
    .references(() => usageDataFiles.id),
  memberName: text("member_name").notNull(),
  manifestVaName: text("manifest_va_name"),
  manifestSaName: text("manifest_sa_name"),
  assignedVaId: uuid("assigned_va_id").references(() => virtualAccounts.id),
  reportCount: integer("report_count").notNull().default(0),
  status: usageFileStatus("status").notNull(),
  messages: jsonb("messages").notNull().default([]),
});

// D-15
export const signatureStatus = pgEnum("signature_status", ["VERIFIED", "IGNORED", "FAILED"]);
export const rumStatus = pgEnum("rum_status", ["ACK", "DROPPED", "ERROR"]);
export const rumReports = pgTable(
  "rum_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    smartAccountId: uuid("smart_account_id")
      .notNull()
      .references(() => smartAccounts.id),
    virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
    productInstanceId: uuid("product_instance_id").references(() => productInstances.id, {
      onDelete: "set null",
    }),
    udiPid: text("udi_pid").notNull(),
    udiSn: text("udi_sn").notNull(),
    reportId: bigint("report_id", { mode: "number" }).notNull(),
    entitlementTag: text("entitlement_tag"),
    licenseDefinitionId: uuid("license_definition_id").references(() => licenseDefinitions.id),
    payloadVersion: text("payload_version"),
    startTime: tstz("start_time"),
    endTime: tstz("end_time"),
    count: integer("count"),
    utilityEnabled: boolean("utility_enabled").notNull().default(false),
    softwareVersion: text("software_version"),
    signatureStatus: signatureStatus("signature_status").notNull(),
    status: rumStatus("status").notNull(),
    message: text("message"),
    usageDataFileId: uuid("usage_data_file_id").references(() => usageDataFiles.id),
    receivedVia: reportChannel("received_via").notNull(),
    receivedAt: tstz("received_at").notNull(),
  },
  (t) => [
    uniqueIndex("rum_reports_once_per_udi")
      .on(t.udiPid, t.udiSn, t.reportId)
      .where(sql`${t.status} = 'ACK'`),
    index("rum_reports_pi_idx").on(t.productInstanceId),
    index("rum_reports_file_idx").on(t.usageDataFileId),
  ],
);

// D-26
export const pollAction = pgEnum("poll_action", ["authorizations", "acknowledgements"]);
export const pollStatus = pgEnum("poll_status", ["OK_POLL", "COMPLETE"]);
export const pollJobs = pgTable("poll_jobs", {
  pollId: bigint("poll_id", { mode: "number" }).primaryKey(),
  action: pollAction("action").notNull(),
  smartAccountId: uuid("smart_account_id")
    .notNull()
    .references(() => smartAccounts.id),
  virtualAccountId: uuid("virtual_account_id").references(() => virtualAccounts.id),
  request: jsonb("request").notNull(),
  status: pollStatus("status").notNull(),
  result: jsonb("result"),
  readyAt: tstz("ready_at").notNull(),
  correlationId: uuid("correlation_id").notNull(),
  createdAt: createdAt(),
});
