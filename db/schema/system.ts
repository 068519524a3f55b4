import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, tstz } from "./columns";

// D-29
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    runAt: tstz("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lockedAt: tstz("locked_at"),
    doneAt: tstz("done_at"),
    error: text("error"),
    progress: jsonb("progress"),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null`),
    index("jobs_dedupe_idx").on(t.dedupeKey).where(sql`${t.doneAt} is null`),
  ],
);

export const signingKeys = pgTable("signing_keys", {
  keyId: text("key_id").primaryKey(),
  privatePem: bytea("private_pem").notNull(),
  publicPem: text("public_pem").notNull(),
  createdAt: createdAt(),
  retiredAt: tstz("retired_at"),
});

export const secretFingerprint = pgTable("secret_fingerprint", {
  id: integer("id").primaryKey().default(1),
  fingerprint: bytea("fingerprint").notNull(),
  createdAt: createdAt(),
});

// D-30 (demo tools only)
export const simDevices = pgTable("sim_devices", {
  id: uuid("id").primaryKey().defaultRandom(),
  udiPid: text("udi_pid").notNull(),
  udiSn: text("udi_sn").notNull(),
  hostname: text("hostname"),
  /** F-1.7: the device sends its hostname only with privacy off. */
  hostnamePrivacy: boolean("hostname_privacy").notNull().default(true),
  softwareVersion: text("software_version").notNull().default("17.9.1"),
  softwareTag: text("software_tag"),
  licenses: jsonb("licenses").$type<Record<string, number>>().notNull().default({}),
  utilityMode: boolean("utility_mode").notNull().default(false),
  trustSecret: bytea("trust_secret"),
  nextReportId: bigint("next_report_id", { mode: "number" }).notNull(),
  installed: jsonb("installed").notNull().default({}),
  host: text("host"),
  dlc: jsonb("dlc"),
  createdAt: createdAt(),
});
