import type { UsageHistory } from "./device-file";

/**
 * D-30 `installed`: what a simulated device holds from the portal (ACKs, trust, policy, SLAC,
 * reservation) plus what it remembers of its own last report (W-60).
 */
export type AuthorizationEntitlement = { tag: string; count: number };

export type InstalledCode = {
  piid: string;
  timestamp: string;
  entitlements: AuthorizationEntitlement[];
  code: string;
  installedAt: string;
  confirmationCode: string;
};

export type AcknowledgedAck = {
  ackId: string;
  importedAt: string;
  reports: { reportId: number; status: string; message: string }[];
};

export type SimInstalled = {
  usage?: UsageHistory;
  /** Newest first; the last few only. */
  acks?: AcknowledgedAck[];
  /** Report ids the portal acknowledged (status `ACK`), highest first; the last few only. */
  acknowledgedReportIds?: number[];
  trust?: { installedAt: string; issuedAt: number | null };
  policy?: { policyId: string; name: string; version: number; installedAt: string };
  slac?: InstalledCode;
  reservation?: InstalledCode & { kind: "SLR" | "PLR" };
};

export const KEEP_ACKS = 10;
export const KEEP_REPORT_IDS = 100;

export function asInstalled(value: unknown): SimInstalled {
  return value && typeof value === "object" ? (value as SimInstalled) : {};
}
