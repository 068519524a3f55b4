import { bigint, boolean, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bytea, createdAt, tstz } from "./columns";
import { acks } from "./usage";

// D-23
export const connectMethod = pgEnum("connect_method", [
  "PRODUCT_INSTANCE_INITIATED",
  "CSLU_REST",
  "CSLU_NETCONF",
  "CSLU_RESTCONF",
]);
export const csluInstallation = pgTable("cslu_installation", {
  id: text("id").primaryKey().default("default"),
  ciscoConnectivity: boolean("cisco_connectivity").notNull().default(false),
  ciscoUserId: uuid("cisco_user_id").references(() => users.id),
  saName: text("sa_name"),
  vaName: text("va_name"),
  validateDevice: boolean("validate_device").notNull().default(false),
  defaultConnectMethod: connectMethod("default_connect_method").notNull().default("PRODUCT_INSTANCE_INITIATED"),
  servicePort: integer("service_port").notNull().default(8182),
});

export const csluProductInstances = pgTable("cslu_product_instances", {
  id: uuid("id").primaryKey().defaultRandom(),
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
  createdAt: createdAt(),
});

export const deviceReportStatus = pgEnum("device_report_status", ["UNSENT", "SENT", "ACKED", "ERROR"]);
export const csluReports = pgTable("cslu_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  productInstanceId: uuid("product_instance_id")
    .notNull()
    .references(() => csluProductInstances.id, { onDelete: "cascade" }),
  reportId: bigint("report_id", { mode: "number" }).notNull(),
  envelope: text("envelope").notNull(),
  status: deviceReportStatus("status").notNull().default("UNSENT"),
  exportBatch: text("export_batch"),
  ackId: uuid("ack_id").references(() => acks.id),
  createdAt: createdAt(),
});

export const csluDeliveries = pgTable("cslu_deliveries", {
  id: uuid("id").primaryKey().defaultRandom(),
  udiPid: text("udi_pid").notNull(),
  udiSn: text("udi_sn").notNull(),
  kind: text("kind").notNull(),
  content: bytea("content").notNull(),
  meta: jsonb("meta").notNull().default({}),
  deliveredAt: tstz("delivered_at"),
  createdAt: createdAt(),
});
