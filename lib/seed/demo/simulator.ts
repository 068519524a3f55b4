import { simDevices } from "@/db/schema";
import { dlcLinesForPid } from "@/lib/simulator/generate";
import type { DlcData } from "@/lib/simulator/device-file";
import { entitlementTag, softwareTagForPid } from "../reference";
import type { SeedContext } from "./context";
import { simDeviceId } from "./ids";
import { DEMO_PRODUCT_INSTANCES } from "./instances";

type SimSpec = {
  pid: string;
  sn: string;
  /** [DD-4 number, count]. */
  licenses: [number, number][];
  hostname?: string;
  hostnameShared?: boolean;
  softwareVersion?: string;
  utilityMode?: boolean;
  /** Day offset from T0 of the device's last report. */
  lastReport: number;
  host?: string;
  dlc?: DlcData;
};

/** A seeded device's reports carry epoch-like ids: the epoch seconds of the report time. */
export const seededReportId = (at: Date): number => Math.floor(at.getTime() / 1000);

const C1111_DLC: DlcData = {
  conversion_lines: [
    { n: 3, sku: "C1111-8P-APPX", feature: "appxk9" },
    { n: 4, sku: "FL-1100-8P-SEC", feature: "securityk9" },
    { n: 2, sku: "FL-1100-8P-HSEC=", feature: "hseck9" },
  ].map((l) => ({
    conversion_type: "PAK" as const,
    conversion_encoding_type: "plain" as const,
    conversion_string: l.feature,
    conversion_count: 1,
    sku: l.sku,
    feature_name: l.feature,
    license_type: "Perpetual" as const,
    entitlement_tag: entitlementTag(l.n),
  })),
};

/** Right-to-use lines carry no SKU (W-21 records `RTU`). */
function rtuLines(pid: string): DlcData {
  const lines = dlcLinesForPid(pid, "RTU")!.conversion_lines;
  return { conversion_lines: lines.map((line) => ({ ...line, sku: undefined })) };
}

/**
 * DD-13: one device per DD-6 product instance that reports usage (the DNA Center appliance
 * consumes none), with the instance's UDI, hostname, software and licenses; the reserved ones keep
 * their reserved licenses, so their return codes can be demonstrated. Plus the DD-11/DD-12 devices
 * that CSLU and On-Prem reach by host, and the trust demo device without an instance.
 */
export function demoSimDevices(): SimSpec[] {
  const fromInstances = DEMO_PRODUCT_INSTANCES.filter((p) => !p.neverConsumed).map(
    (p): SimSpec => ({
      pid: p.pid,
      sn: p.sn,
      licenses: p.licenses,
      hostname: p.hostname,
      hostnameShared: p.hostnameShared,
      softwareVersion: p.softwareVersion,
      utilityMode: p.utilityMode,
      lastReport: p.lastAck ?? -10,
      host: p.sn === "FOC2517L8KW" ? "10.10.20.11" : undefined,
      dlc: p.sn === "FGL214391J3" ? C1111_DLC : undefined,
    }),
  );
  return [
    ...fromInstances,
    // DD-12 CSLU instances
    { pid: "ISR4351/K9", sn: "FDO210305DQ", licenses: [[8, 1], [9, 1], [10, 1], [11, 1]], lastReport: -2, host: "10.10.10.21", dlc: rtuLines("ISR4351/K9") },
    { pid: "C8200L-1N-4T", sn: "FGL2435LHP5", licenses: [[19, 1], [20, 1]], lastReport: -1 },
    // DD-13 trust demo: no product instance yet
    { pid: "C8000V", sn: "9ZZTRUSTDEMO", licenses: [[19, 1], [20, 1]], hostname: "c8kv-trust-demo", hostnameShared: true, lastReport: 0 },
  ];
}

export async function seedSimDevices(ctx: SeedContext): Promise<void> {
  await ctx.tx.insert(simDevices).values(
    demoSimDevices().map((d) => ({
      id: simDeviceId(d.pid, d.sn),
      udiPid: d.pid,
      udiSn: d.sn,
      hostname: d.hostname ?? null,
      hostnamePrivacy: !d.hostnameShared,
      softwareVersion: d.softwareVersion ?? "17.09.04a",
      softwareTag: softwareTagForPid(d.pid),
      licenses: Object.fromEntries(d.licenses.map(([n, count]) => [entitlementTag(n), count])),
      utilityMode: d.utilityMode ?? false,
      trustSecret: null,
      nextReportId: seededReportId(ctx.at(d.lastReport)) + 1,
      installed: {},
      host: d.host ?? null,
      dlc: d.dlc ?? null,
      createdAt: ctx.t0,
    })),
  );
}
