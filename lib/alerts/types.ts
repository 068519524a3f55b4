import type { Alert } from "@/db/schema";

export type AlertType = Alert["type"];
export type AlertSeverity = Alert["severity"];

/** P-11 column text of each alert type. */
export const ALERT_LABELS: Record<AlertType, string> = {
  INSUFFICIENT_LICENSES: "Insufficient Licenses",
  LICENSES_EXPIRING: "Licenses Expiring",
  LICENSES_EXPIRED: "Licenses Expired",
  PI_FAILED_TO_CONNECT: "Product Instance Failed to Connect",
  REPORTING_OVERDUE: "Reporting Overdue",
  REPORTING_DUE_SOON: "Reporting Due Soon",
  AUTHORIZATION_PENDING: "Authorization Pending",
  ONPREM_SYNC_OVERDUE: "Synchronization Overdue",
  ONPREM_EXPIRED: "On-Prem Account Expired",
  NEW_LICENSES: "New Licenses",
  LICENSES_RESERVED: "Licenses Reserved",
};

export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  MAJOR: "Major",
  MINOR: "Minor",
  INFORMATIONAL: "Informational",
};

/** P-11 `Action Due` = `Immediately` for these types. */
export const IMMEDIATE_TYPES: ReadonlySet<AlertType> = new Set(["INSUFFICIENT_LICENSES", "AUTHORIZATION_PENDING"]);

export const PI_TYPES: ReadonlySet<AlertType> = new Set([
  "PI_FAILED_TO_CONNECT",
  "REPORTING_OVERDUE",
  "REPORTING_DUE_SOON",
  "AUTHORIZATION_PENDING",
  "LICENSES_RESERVED",
]);
export const LICENSE_TYPES: ReadonlySet<AlertType> = new Set(["INSUFFICIENT_LICENSES", "LICENSES_EXPIRING", "LICENSES_EXPIRED"]);

/**
 * S-29 rows and the alert types each covers. `Reporting Due Soon` follows `Reporting Overdue`,
 * and `On-Prem Account Expired` follows `Synchronization Overdue`.
 */
export const NOTIFY_ROWS = [
  { key: "INSUFFICIENT_LICENSES", label: "Insufficient Licenses", types: ["INSUFFICIENT_LICENSES"] },
  { key: "LICENSES_EXPIRING", label: "Licenses Expiring", types: ["LICENSES_EXPIRING"] },
  { key: "LICENSES_EXPIRED", label: "Licenses Expired", types: ["LICENSES_EXPIRED"] },
  { key: "PI_FAILED_TO_CONNECT", label: "Product Instance Failed to Connect", types: ["PI_FAILED_TO_CONNECT"] },
  { key: "REPORTING_OVERDUE", label: "Reporting Overdue", types: ["REPORTING_OVERDUE", "REPORTING_DUE_SOON"] },
  { key: "AUTHORIZATION_PENDING", label: "Authorization Pending", types: ["AUTHORIZATION_PENDING"] },
  { key: "ONPREM_SYNC_OVERDUE", label: "Synchronization Overdue", types: ["ONPREM_SYNC_OVERDUE", "ONPREM_EXPIRED"] },
  { key: "NEW_LICENSES", label: "New Licenses", types: ["NEW_LICENSES"] },
  { key: "LICENSES_RESERVED", label: "Licenses Reserved", types: ["LICENSES_RESERVED"] },
] as const satisfies readonly { key: AlertType; label: string; types: readonly AlertType[] }[];

export type NotifyKey = (typeof NOTIFY_ROWS)[number]["key"];

export function notifyKeyOf(type: AlertType): NotifyKey {
  return NOTIFY_ROWS.find((r) => (r.types as readonly AlertType[]).includes(type))!.key;
}

/** The text E-60/E-61 quote: the list message without its final period. */
export function eventText(message: string): string {
  return message.replace(/\.$/, "");
}
