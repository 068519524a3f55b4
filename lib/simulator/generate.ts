import { CATALOGUE, SKU_MAP } from "@/lib/seed/catalogue-data";
import { entitlementTag, productMapEntryForPid, softwareTagForPid, syntheticTag } from "@/lib/seed/reference";
import { builtinRumKey, rumSignatureValue } from "@/lib/usage/format/signature";
import { rumEnvelope, rumPayload, type UsageChild, usageXml } from "@/lib/usage/format/rum-writer";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { type DlcData, deviceFile, type SimDevice } from "./device-file";
import { ALNUM, createRng, type Rng } from "./rng";
import { hardwareSerial, virtualSerial } from "./serials";

/**
 * `npm run simulate`: a population of realistic devices and their signed usage files (F-1, F-2),
 * deterministic for a given seed and "now". Optional trust requests, DLC data and deliberate faults.
 */

export const FAULT_KINDS = ["bad-signature", "unknown-tag", "future-measurement", "duplicate-report-id"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type SimulateOptions = {
  instances: number;
  /** Licenses per instance (fewer when the product allows fewer). */
  licenses: number;
  /** `17.6` writes payload shape A, `17.9` shape B (F-1.3). */
  shape: "17.6" | "17.9";
  format: "xml" | "tar";
  now: Date;
  /** The manifest's `Specification-VA` (tar). */
  va?: string;
  /** The manifest's `Smart-Account` (tar). */
  sa?: string;
  gzip?: boolean;
  trustRequests?: boolean;
  dlc?: boolean;
  faults?: number;
  seed?: string;
};

export type SimulatedReport = { udi: string; reportId: number; entitlementTag: string; fault?: FaultKind };
export type SimulateResult = {
  bytes: Buffer;
  devices: SimDevice[];
  reports: SimulatedReport[];
  /** Tar member names, in order (tar only). */
  members: string[];
};

export const XML_CHILD_LIMIT = 10_000;

/** Products the generator picks from; `virtual` ones get 11-character serials. */
const MODELS: { pid: string; virtual?: boolean }[] = [
  { pid: "C1111-8P" },
  { pid: "C1111-8PLTEEAWB" },
  { pid: "ISR4331/K9" },
  { pid: "ISR4351/K9" },
  { pid: "ISR4431/K9" },
  { pid: "ISR4451-X/K9" },
  { pid: "ISR4461/K9" },
  { pid: "C8000V", virtual: true },
  { pid: "C8200-1N-4T" },
  { pid: "C8300-1N1S-4T2X" },
  { pid: "CSR1000V", virtual: true },
  { pid: "C9300-24UX" },
  { pid: "C9300-48UXM" },
  { pid: "C9500-32QC" },
  { pid: "ASR-920-12CZ-A" },
];

const VERSIONS = { "17.6": "17.06.05", "17.9": "17.09.04a" } as const;

/** DD-4 licenses a product may use: its product type is in the license's families (no PLR pseudo-licenses). */
function eligibleLicenses(pid: string) {
  const type = productMapEntryForPid(pid)?.productType;
  return CATALOGUE.filter((e) => !e.isPlr && type && e.productFamilies.includes(type));
}

/** DLC lines for a product family through the D-27 sku_map (W-21 maps them back the same way). */
export function dlcLinesForPid(pid: string, type: "PAK" | "RTU" = "PAK"): DlcData | null {
  const family = productMapEntryForPid(pid)?.productFamily;
  const rows = SKU_MAP.filter((r) => r.productFamily === family && r.license !== null);
  if (rows.length === 0) return null;
  return {
    conversion_lines: rows.map((r) => ({
      conversion_type: type,
      conversion_encoding_type: "plain",
      conversion_string: r.featureName,
      conversion_count: 1,
      sku: r.sku,
      feature_name: r.featureName,
      license_type: "Perpetual",
      entitlement_tag: entitlementTag(r.license!),
    })),
  };
}

function makeDevices(rng: Rng, opts: SimulateOptions): SimDevice[] {
  const serials = new Set<string>();
  const devices: SimDevice[] = [];
  for (let i = 0; i < opts.instances; i++) {
    const model = rng.pick(MODELS);
    let sn: string;
    do sn = model.virtual ? virtualSerial(rng) : hardwareSerial(rng);
    while (serials.has(sn));
    serials.add(sn);
    const chosen = rng.shuffle(eligibleLicenses(model.pid)).slice(0, opts.licenses);
    devices.push({
      udiPid: model.pid,
      udiSn: sn,
      softwareVersion: VERSIONS[opts.shape],
      softwareTag: softwareTagForPid(model.pid),
      licenses: Object.fromEntries(chosen.map((e) => [entitlementTag(e.n), 1])),
      utilityMode: opts.shape === "17.9" && chosen.some((e) => e.billing === "USAGE"),
      nextReportId: 0,
      dlc: opts.dlc ? dlcLinesForPid(model.pid) : null,
    });
  }
  return devices;
}

type Envelope = { payload: string; signature: { value: string } };

/** Rewrites one report so it carries the fault (the report keeps its id and UDI). */
function applyFault(kind: FaultKind, env: Envelope, device: SimDevice, nowSec: number, index: number): Envelope {
  const payload = JSON.parse(env.payload);
  if (kind === "bad-signature") {
    // Signed with another device's key: `Data and signature do not match` (V-32b).
    return { ...env, signature: { ...env.signature, value: rumSignatureValue(builtinRumKey(device.udiPid, `${device.udiSn}X`), env.payload) } };
  }
  if (kind === "unknown-tag") payload.meta.entitlement_tag = syntheticTag(`SIM_UNKNOWN_${index}`); // V-31
  if (kind === "future-measurement") {
    // More than one day ahead (V-38).
    for (const m of payload.measurements) Object.assign(m, { start_time: nowSec + 86_400, end_time: nowSec + 2 * 86_400, log_time: nowSec + 2 * 86_400 });
  }
  const shape = payload.version === "2.0" ? "B" : "A";
  const reportId = shape === "B" ? payload.asset_identification.report_id : payload.meta.report_id;
  const rewritten = rumPayload({
    udiPid: device.udiPid,
    udiSn: device.udiSn,
    shape,
    reportId,
    entitlementTag: payload.meta.entitlement_tag,
    softwareTag: device.softwareTag ?? undefined,
    softwareVersion: device.softwareVersion,
    utilityEnabled: device.utilityMode,
    measurements: payload.measurements.map((m: { start_time: number; end_time: number; log_time: number; value: { value: string } }) => ({
      startTime: m.start_time,
      endTime: m.end_time,
      logTime: m.log_time,
      count: Number(m.value.value),
    })),
  });
  return rumEnvelope(rewritten, { udiPid: device.udiPid, udiSn: device.udiSn, softwareTag: device.softwareTag ?? undefined }) as Envelope;
}

export async function simulateUsage(opts: SimulateOptions): Promise<SimulateResult> {
  if (!Number.isInteger(opts.instances) || opts.instances < 1) throw new Error("--instances must be a whole number of at least 1.");
  if (!Number.isInteger(opts.licenses) || opts.licenses < 1) throw new Error("--licenses must be a whole number of at least 1.");
  const rng = createRng(opts.seed ?? "openssm");
  const nowSec = Math.floor(opts.now.getTime() / 1000);
  const devices = makeDevices(rng, opts);

  // Epoch-like report ids that increase through the file and end at "now".
  const total = devices.reduce((n, d) => n + Object.keys(d.licenses).length, 0);
  let nextId = nowSec - total + 1;
  const perDevice = devices.map((device) => {
    device.nextReportId = nextId;
    const file = deviceFile({
      device,
      nowSec,
      includeTrustRequest: opts.trustRequests,
      includeDlc: opts.dlc,
      trustNonce: rng.chars(ALNUM, 16),
    });
    nextId = file.nextReportId;
    device.nextReportId = file.nextReportId;
    return file;
  });

  const reports: SimulatedReport[] = [];
  const faultCount = Math.min(opts.faults ?? 0, total);
  const faultAt = new Map<number, FaultKind>();
  for (let k = 0; k < faultCount; k++) faultAt.set(Math.floor((k * total) / faultCount), FAULT_KINDS[k % FAULT_KINDS.length]);

  let index = 0;
  const documents = perDevice.map((file, d) => {
    const device = devices[d];
    const udi = `PID:${device.udiPid},SN:${device.udiSn}`;
    const children: UsageChild[] = [];
    let r = 0;
    for (const child of file.children) {
      if (child.element !== "RUMReport") {
        children.push(child);
        continue;
      }
      const written = file.reports[r++];
      const fault = faultAt.get(index);
      let body = child.body as Envelope;
      if (fault && fault !== "duplicate-report-id") body = applyFault(fault, body, device, nowSec, index);
      children.push({ element: "RUMReport", body });
      reports.push({ udi, reportId: written.reportId, entitlementTag: written.entitlementTag, ...(fault ? { fault } : {}) });
      // The copy repeats the report id for the same UDI: `Report already received.` (V-32).
      if (fault === "duplicate-report-id") {
        children.push({ element: "RUMReport", body });
        reports.push({ udi, reportId: written.reportId, entitlementTag: written.entitlementTag, fault });
      }
      index++;
    }
    return { device, children };
  });

  if (opts.format === "xml") {
    const children = documents.flatMap((d) => d.children);
    if (children.length > XML_CHILD_LIMIT) {
      throw new Error(`An XML usage file holds at most ${XML_CHILD_LIMIT.toLocaleString("en-US")} entries (F-1.10); use --format tar.`);
    }
    return { bytes: Buffer.from(usageXml(children), "utf8"), devices, reports, members: [] };
  }
  const members = documents.map((d) => ({
    name: `dev_${d.device.udiSn}_${nowSec}.xml`,
    content: usageXml(d.children),
    va: opts.va,
  }));
  const bytes = await usageTar({ members, smartAccount: opts.sa, createdBy: "OpenSSM simulator", gzip: opts.gzip });
  return { bytes, devices, reports, members: members.map((m) => m.name) };
}
