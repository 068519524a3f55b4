import { rumSignatureMatches, builtinRumKey } from "@/lib/usage/format/signature";
import {
  NO_TRUST_CODE,
  V32B_SIGNATURE,
  V32C_UDI,
  v30Tag,
  v32aPayload,
  v32dMeasurement,
  v32eRange,
  v38Future,
} from "../messages";

export type Udi = { udiPid: string; udiSn: string };
export type HaUdi = { role: "Active" | "Standby" | "Member"; pid: string; sn: string };

/** A RUM report after F-1.2/F-1.3 normalisation of shape A or B. */
export type RumReport = Udi & {
  reportId: number;
  payloadVersion: "1" | "2.0";
  entitlementTag: string;
  softwareTag: string | null;
  softwareVersion: string | null;
  utilityEnabled: boolean;
  subscriptionIds: string[];
  haMembers: HaUdi[];
  /** Valid ENTITLEMENT measurements, oldest first (times as Dates). */
  measurements: { start: Date; end: Date; count: number }[];
  /** The value of the measurement with the greatest end time. */
  count: number;
  startTime: Date;
  endTime: Date;
  signingType: "builtin" | "trust";
};

export type RumFailure = { message: string; udi: Udi | null; reportId: number | null; rawReportId?: string };
export type RumParse = { ok: true; report: RumReport } | ({ ok: false } & RumFailure);

const PID_RE = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/;
const SN_RE = /^[A-Za-z0-9-]{1,40}$/;
const TAG_RE = /^regid\.\d{4}-\d{2}\.com\.cisco\.[A-Za-z0-9_.+-]+,\d+(\.\d+)*_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

/** F-16: a `.` where the comma before the version belongs becomes `,` (`ax_10G.1.0_…` → `ax_10G,1.0_…`). */
export function normaliseTag(tag: string): string {
  const t = tag.trim();
  if (t.includes(",")) return t;
  return t.replace(/\.(\d+(?:\.\d+)*_[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/, ",$1");
}

export function isWellFormedTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** `{udi_pid, udi_serial_number}` (or camel case, F-15) → a UDI, when both parts are strings. */
export function sudiOf(value: unknown): Udi | null {
  const o = obj(value);
  if (!o) return null;
  const pid = o.udi_pid ?? o.udiPid;
  const sn = o.udi_serial_number ?? o.udiSerialNumber;
  return typeof pid === "string" && typeof sn === "string" ? { udiPid: pid, udiSn: sn } : null;
}

export const sameUdi = (a: Udi, b: Udi) => a.udiPid.toLowerCase() === b.udiPid.toLowerCase() && a.udiSn.toLowerCase() === b.udiSn.toLowerCase();

function countOf(value: unknown): number | null {
  const o = obj(value);
  if (!o || o.type !== "COUNT") return null;
  const v = o.value;
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === "string" && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return null;
}

const epoch = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

/**
 * F-1.2 + F-1.3: one `RUMReport` envelope to a normalised report, or the V-30/V-32a/V-32c/V-32d/
 * V-32e/V-38 failure. The signature (F-1.4) is checked separately, it may need a trust secret.
 */
export function normaliseRumReport(envelope: Record<string, unknown>, at: Date): RumParse {
  const signature = obj(envelope.signature);
  const signedUdi = sudiOf(signature?.sudi);
  const fail = (message: string, udi: Udi | null = signedUdi, reportId: number | null = null, rawReportId?: string): RumParse => ({
    ok: false,
    message,
    udi,
    reportId,
    rawReportId,
  });
  const header = envelope.header;
  if (header !== undefined && obj(header)?.type !== "rum") return fail(v32aPayload("header type must be rum"));
  let payload: Record<string, unknown> | null;
  try {
    payload = obj(JSON.parse(envelope.payload as string));
  } catch {
    payload = null;
  }
  if (!payload) return fail(v32aPayload("payload is not a JSON object"));

  const version = payload.version === "2.0" ? "2.0" : "1";
  const asset = obj(payload.asset_identification);
  const meta = obj(payload.meta);
  if (!asset) return fail(v32aPayload("asset_identification is missing"));
  if (!meta) return fail(v32aPayload("meta is missing"));
  const udi = sudiOf(obj(asset.instance)?.sudi);
  if (!udi) return fail(v32aPayload("udi_pid and udi_serial_number are required"));
  if (!PID_RE.test(udi.udiPid)) return fail(v32aPayload(`udi_pid "${udi.udiPid}" is not valid`), udi);
  if (!SN_RE.test(udi.udiSn)) return fail(v32aPayload(`udi_serial_number "${udi.udiSn}" is not valid`), udi);

  const rawId = version === "2.0" ? asset.report_id : meta.report_id;
  if (rawId === undefined || rawId === null) return fail(v32aPayload("report_id is missing"), udi);
  if (typeof rawId !== "number" || !Number.isInteger(rawId)) return fail(v32aPayload("report_id must be an integer"), udi);
  if (rawId < 1 || rawId > Number.MAX_SAFE_INTEGER) {
    const rawText = /"report_id"\s*:\s*(-?\d+)/.exec(envelope.payload as string)?.[1] ?? String(rawId);
    return fail(v32eRange(rawText), udi, null, rawText);
  }
  const reportId = rawId;

  if (signedUdi && !sameUdi(udi, signedUdi)) return fail(V32C_UDI, udi, reportId);
  if (!signedUdi) return fail(v32aPayload("signature.sudi is missing"), udi, reportId);

  const rawTag = meta.entitlement_tag;
  if (typeof rawTag !== "string" || rawTag.trim() === "") return fail(v32aPayload("entitlement_tag is missing"), udi, reportId);
  const entitlementTag = normaliseTag(rawTag);
  if (!isWellFormedTag(entitlementTag)) return fail(v30Tag(rawTag), udi, reportId);

  if (!Array.isArray(payload.measurements)) return fail(v32aPayload("measurements is missing"), udi, reportId);
  const measurements: RumReport["measurements"] = [];
  for (const m of payload.measurements) {
    const o = obj(m);
    if (!o || o.metric_name !== "ENTITLEMENT") continue;
    const start = epoch(o.start_time);
    const end = epoch(o.end_time);
    const count = countOf(o.value);
    if (start === null || end === null || count === null || end < start) continue;
    measurements.push({ start: new Date(start * 1000), end: new Date(end * 1000), count });
  }
  if (measurements.length === 0) return fail(v32dMeasurement(reportId), udi, reportId);
  measurements.sort((a, b) => a.end.getTime() - b.end.getTime() || a.start.getTime() - b.start.getTime());
  const last = measurements[measurements.length - 1];
  if (last.end.getTime() > at.getTime() + DAY_MS) return fail(v38Future(reportId), udi, reportId);

  const softwareTagRaw = obj(asset.asset)?.name;
  const softwareTag = typeof softwareTagRaw === "string" && isWellFormedTag(normaliseTag(softwareTagRaw)) ? normaliseTag(softwareTagRaw) : null;
  const subs = Array.isArray(meta.subscription_ids) ? meta.subscription_ids.filter((s): s is string => typeof s === "string" && s !== "") : [];
  const haMembers: HaUdi[] = [];
  if (Array.isArray(meta.ha_udi)) {
    for (const h of meta.ha_udi) {
      const o = obj(h);
      const sudi = sudiOf(o?.sudi);
      const role = o?.role;
      if (sudi && (role === "Active" || role === "Standby" || role === "Member")) haMembers.push({ role, pid: sudi.udiPid, sn: sudi.udiSn });
    }
  }
  return {
    ok: true,
    // Named, not spread: a spread followed by this many properties made V8 build each report
    // field by field (several times slower per report, and slower to read afterwards).
    report: {
      udiPid: udi.udiPid,
      udiSn: udi.udiSn,
      reportId,
      payloadVersion: version,
      entitlementTag,
      softwareTag,
      softwareVersion: typeof meta.software_version === "string" && meta.software_version ? meta.software_version : null,
      utilityEnabled: meta.utility_enabled === true,
      subscriptionIds: subs,
      haMembers,
      measurements,
      count: last.count,
      startTime: measurements[0].start,
      endTime: last.end,
      signingType: signature?.signing_type === "trust" ? "trust" : "builtin",
    },
  };
}

// A device sends several reports per file: its builtin key (a hash of the UDI) is derived once.
const builtinKeys = new Map<string, Buffer>();
function builtinKeyOf(udi: Udi): Buffer {
  const id = `${udi.udiPid}|${udi.udiSn}`;
  let key = builtinKeys.get(id);
  if (!key) {
    if (builtinKeys.size >= 10_000) builtinKeys.clear();
    key = builtinRumKey(udi.udiPid, udi.udiSn);
    builtinKeys.set(id, key);
  }
  return key;
}

export type SignatureCheck = { status: "VERIFIED" | "IGNORED" } | { status: "FAILED"; message: string };

/**
 * F-1.4: HMAC-SHA256 over the payload with the `builtin` key (from the UDI) or the device's trust
 * secret; `RUM_SIGNATURE_MODE=ignore` accepts anything as IGNORED.
 */
export function checkRumSignature(envelope: Record<string, unknown>, udi: Udi, trustSecret: Buffer | null, ignore: boolean): SignatureCheck {
  if (ignore) return { status: "IGNORED" };
  const signature = obj(envelope.signature)!;
  const value = typeof signature.value === "string" ? signature.value : "";
  const trust = signature.signing_type === "trust";
  if (trust && !trustSecret) return { status: "FAILED", message: NO_TRUST_CODE };
  const signedUdi = sudiOf(signature.sudi) ?? udi;
  const key = trust ? trustSecret! : builtinKeyOf(signedUdi);
  return rumSignatureMatches(key, envelope.payload as string, value) ? { status: "VERIFIED" } : { status: "FAILED", message: V32B_SIGNATURE };
}
