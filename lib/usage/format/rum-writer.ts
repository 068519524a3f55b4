import { builtinRumKey, rumSignatureValue } from "./signature";

/**
 * F-1 writer: RUM payloads (both shapes of F-1.3), signed envelopes (F-1.2, F-1.4) and usage XML
 * documents (F-1.1). The simulator, the benchmarks and the tests write usage files with it; the
 * parser in lib/usage reads them back.
 */
export type Udi = { udiPid: string; udiSn: string };
export type Measurement = { startTime: number; endTime: number; logTime?: number; count: number };

export type RumPayloadInput = Udi & {
  /** `A` = IOS-XE 17.6 (no version, report id in `meta`); `B` = 17.9 (`"version":"2.0"`). */
  shape: "A" | "B";
  reportId: number;
  entitlementTag: string;
  softwareTag?: string;
  softwareVersion?: string;
  utilityEnabled?: boolean;
  subscriptionIds?: string[];
  haMembers?: { role: "Active" | "Standby" | "Member"; udiPid: string; udiSn: string }[];
  /** Epoch seconds inside RUM payloads (§5). */
  measurements: Measurement[];
};

const sudi = (u: Udi) => ({ udi_pid: u.udiPid, udi_serial_number: u.udiSn });

/** The RUM payload JSON text, shape A or B. */
export function rumPayload(input: RumPayloadInput): string {
  const meta: Record<string, unknown> = { entitlement_tag: input.entitlementTag };
  if (input.shape === "A") meta.report_id = input.reportId;
  if (input.shape === "B") meta.utility_enabled = Boolean(input.utilityEnabled);
  if (input.softwareVersion) meta.software_version = input.softwareVersion;
  if (input.subscriptionIds?.length) meta.subscription_ids = input.subscriptionIds;
  if (input.haMembers?.length) meta.ha_udi = input.haMembers.map((m) => ({ role: m.role, sudi: sudi(m) }));
  const assetIdentification: Record<string, unknown> = {};
  if (input.shape === "B") assetIdentification.report_id = input.reportId;
  if (input.softwareTag) assetIdentification.asset = { name: input.softwareTag };
  assetIdentification.instance = { sudi: sudi(input) };
  const measurements = input.measurements.map((m) => ({
    log_time: m.logTime ?? m.endTime,
    metric_name: "ENTITLEMENT",
    start_time: m.startTime,
    end_time: m.endTime,
    value: { type: "COUNT", value: String(m.count) },
  }));
  const payload =
    input.shape === "B"
      ? { version: "2.0", asset_identification: assetIdentification, meta, measurements, signature: { type: "ignored" } }
      : { asset_identification: assetIdentification, meta, measurements };
  return JSON.stringify(payload);
}

export type SigningInput = Udi & {
  softwareTag?: string;
  /** `builtin` (key from the UDI) or `trust` (the device's 32-byte trust secret). */
  signingType?: "builtin" | "trust";
  trustSecret?: Buffer;
};

/** The F-1.2 envelope of a payload, signed per F-1.4. */
export function rumEnvelope(payload: string, signing: SigningInput): Record<string, unknown> {
  const type = signing.signingType ?? "builtin";
  if (type === "trust" && !signing.trustSecret) throw new Error("A trust-signed report needs the device's trust secret.");
  const key = type === "trust" ? signing.trustSecret! : builtinRumKey(signing.udiPid, signing.udiSn);
  return {
    payload,
    header: { type: "rum" },
    signature: {
      sudi: sudi(signing),
      signing_type: type,
      key: signing.softwareTag ?? "",
      value: rumSignatureValue(key, payload),
    },
  };
}

/** The recognised F-1.1 children. */
export type UsageElement = "RUMReport" | "TrustCodeRequest" | "InstanceInfo" | "DLCReport" | "AuthorizationRequest" | "AuthorizationReturn";
export type UsageChild = { element: UsageElement; body: unknown };

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** One F-1 document: `<smartLicense>` with each child's JSON in CDATA. */
export function usageXml(children: UsageChild[]): string {
  const body = children.map((c) => `<${c.element}>${cdata(JSON.stringify(c.body))}</${c.element}>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n${body}\n</smartLicense>\n`;
}

/** F-1.6 trust-code request for the given UDIs. */
export function trustCodeRequest(udis: (Udi & { role?: string })[], nonce: string, force = false) {
  return { sudi_list: udis.map((u) => ({ ...sudi(u), role: u.role ?? "Active" })), nonce, force };
}

/** F-1.7 instance information. */
export function instanceInfo(u: Udi & { hostname?: string; hostnamePrivacy?: boolean; softwareVersion?: string }) {
  return {
    sudi: sudi(u),
    hostname: u.hostname ?? "",
    hostname_privacy: u.hostnamePrivacy ?? false,
    software_version: u.softwareVersion ?? "",
    version_privacy: false,
  };
}
