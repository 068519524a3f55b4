import { type Measurement, rumEnvelope, rumPayload, type UsageChild, usageXml } from "@/lib/usage/format/rum-writer";
import { entitlementTag } from "@/lib/seed/reference";

export type ReportSpec = {
  pid: string;
  sn: string;
  reportId: number;
  license: number | string;
  count?: number;
  shape?: "A" | "B";
  measurements?: Measurement[];
  utility?: boolean;
  softwareVersion?: string;
};

/** One signed `RUMReport` child for DD-4 license #n (or a literal tag), measured just before `at`. */
export function rumChild(r: ReportSpec, at: Date): UsageChild {
  const end = Math.floor(at.getTime() / 1000) - 3600;
  const udi = { udiPid: r.pid, udiSn: r.sn };
  const payload = rumPayload({
    ...udi,
    shape: r.shape ?? "B",
    reportId: r.reportId,
    entitlementTag: typeof r.license === "number" ? entitlementTag(r.license) : r.license,
    softwareVersion: r.softwareVersion ?? "17.09.04a",
    utilityEnabled: r.utility,
    measurements: r.measurements ?? [{ startTime: end - 86_400, endTime: end, count: r.count ?? 1 }],
  });
  return { element: "RUMReport", body: rumEnvelope(payload, udi) };
}

export function usageFile(reports: ReportSpec[], at: Date, extra: UsageChild[] = []): Buffer {
  return Buffer.from(usageXml([...reports.map((r) => rumChild(r, at)), ...extra]), "utf8");
}
