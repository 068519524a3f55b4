import {
  instanceInfo,
  type Measurement,
  rumEnvelope,
  rumPayload,
  trustCodeRequest,
  type UsageChild,
} from "@/lib/usage/format/rum-writer";

/**
 * What one simulated device writes into an F-1 document (W-60): one `RUMReport` per license it
 * uses, optionally a `TrustCodeRequest`, `InstanceInfo` and `DLCReport`. Shared by the `/dev`
 * simulator (D-30 rows) and `npm run simulate` (generated devices).
 */

/** F-1.5 conversion line, as the device reports it. */
export type DlcLine = {
  conversion_type: "PAK" | "RTU";
  conversion_encoding_type: "plain";
  conversion_string: string;
  conversion_count: number;
  sku?: string;
  feature_name?: string;
  license_type?: "Perpetual" | "Term";
  entitlement_tag?: string;
};
export type DlcData = { conversion_lines: DlcLine[] };

export type SimDevice = {
  udiPid: string;
  udiSn: string;
  hostname?: string | null;
  /** F-1.7: the hostname reaches the portal only when privacy is off. */
  hostnamePrivacy?: boolean;
  softwareVersion: string;
  softwareTag?: string | null;
  /** Entitlement tag → count. */
  licenses: Record<string, number>;
  utilityMode?: boolean;
  /** The device's trust secret (D-21); without one it signs with the builtin scheme (F-1.4). */
  trustSecret?: Buffer | null;
  nextReportId: number;
  dlc?: DlcData | null;
};

/** What the device remembers about its last report, so a count change shows as two measurements (P-9). */
export type UsageHistory = {
  /** Epoch seconds of the last report's end. */
  reportedAt?: number;
  reported?: Record<string, number>;
  /** Epoch seconds at which a count last changed (Edit Usage). */
  changedAt?: Record<string, number>;
};

export type DeviceFileInput = {
  device: SimDevice;
  /** "Now" in epoch seconds (lib/clock.ts, or `--now`). */
  nowSec: number;
  includeTrustRequest?: boolean;
  includeDlc?: boolean;
  includeInstanceInfo?: boolean;
  /** F-1.6 nonce: 16 letters or digits. */
  trustNonce?: string;
  history?: UsageHistory;
};

export type WrittenReport = { reportId: number; entitlementTag: string; count: number };
export type DeviceFile = { children: UsageChild[]; reports: WrittenReport[]; nextReportId: number };

const DAY_S = 86_400;

/** W-60: payload shape A for software versions below 17.9, shape B from 17.9 on. */
export function payloadShape(softwareVersion: string): "A" | "B" {
  const m = /^(\d+)\.(\d+)/.exec(softwareVersion.trim());
  if (!m) return "B";
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 17 || (major === 17 && minor >= 9) ? "B" : "A";
}

/** One measurement since the last report, or two when the count changed in between (P-9). */
export function measurementsFor(tag: string, count: number, nowSec: number, history: UsageHistory = {}): Measurement[] {
  const start = Math.min(history.reportedAt ?? nowSec - DAY_S, nowSec);
  const previous = history.reported?.[tag];
  const changed = history.changedAt?.[tag];
  if (previous !== undefined && previous !== count && changed !== undefined && changed > start && changed < nowSec) {
    return [
      { startTime: start, endTime: changed, count: previous },
      { startTime: changed, endTime: nowSec, count },
    ];
  }
  return [{ startTime: start, endTime: nowSec, count }];
}

export function dlcReport(device: Pick<SimDevice, "udiPid" | "udiSn" | "softwareTag">, dlc: DlcData) {
  return {
    sudi: { udi_pid: device.udiPid, udi_serial_number: device.udiSn },
    ...(device.softwareTag ? { software_tag_identifier: device.softwareTag } : {}),
    conversion_lines: dlc.conversion_lines,
  };
}

/** The device's children of an F-1 document, its report ids taken from `nextReportId` upwards. */
export function deviceFile(input: DeviceFileInput): DeviceFile {
  const { device, nowSec } = input;
  const udi = { udiPid: device.udiPid, udiSn: device.udiSn };
  const children: UsageChild[] = [];
  if (input.includeTrustRequest) {
    children.push({ element: "TrustCodeRequest", body: trustCodeRequest([udi], input.trustNonce ?? "0000000000000000") });
  }
  if (input.includeInstanceInfo) {
    children.push({
      element: "InstanceInfo",
      body: instanceInfo({
        ...udi,
        hostname: device.hostname ?? "",
        hostnamePrivacy: device.hostnamePrivacy ?? true,
        softwareVersion: device.softwareVersion,
      }),
    });
  }
  const shape = payloadShape(device.softwareVersion);
  const signing = device.trustSecret
    ? { ...udi, softwareTag: device.softwareTag ?? undefined, signingType: "trust" as const, trustSecret: device.trustSecret }
    : { ...udi, softwareTag: device.softwareTag ?? undefined };
  const reports: WrittenReport[] = [];
  let reportId = device.nextReportId;
  for (const [entitlementTag, count] of Object.entries(device.licenses)) {
    const payload = rumPayload({
      ...udi,
      shape,
      reportId,
      entitlementTag,
      softwareTag: device.softwareTag ?? undefined,
      softwareVersion: device.softwareVersion,
      utilityEnabled: device.utilityMode,
      measurements: measurementsFor(entitlementTag, count, nowSec, input.history),
    });
    children.push({ element: "RUMReport", body: rumEnvelope(payload, signing) });
    reports.push({ reportId, entitlementTag, count });
    reportId++;
  }
  if (input.includeDlc && device.dlc?.conversion_lines.length) {
    children.push({ element: "DLCReport", body: dlcReport(device, device.dlc) });
  }
  return { children, reports, nextReportId: reportId };
}
