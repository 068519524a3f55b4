import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/lib/seed/catalogue-data";
import { entitlementTag, productMapEntryForPid } from "@/lib/seed/reference";
import { builtinRumKey, rumSignatureMatches } from "@/lib/usage/format/signature";
import { readTar, readUsageXml, type ReadChild } from "@/tests/helpers/usage-file";
import { dlcLinesForPid, simulateUsage, type SimulateOptions } from "./generate";

const NOW = new Date("2024-03-10T12:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const KNOWN_TAGS = new Set(CATALOGUE.map((e) => entitlementTag(e.n)));
const F16 = /^regid\.\d{4}-\d{2}\.com\.cisco\.[A-Za-z0-9_.+-]+,\d+(\.\d+)*_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

const base: SimulateOptions = { instances: 6, licenses: 3, shape: "17.9", format: "xml", now: NOW, seed: "unit" };

type Envelope = { payload: string; signature: { sudi: { udi_pid: string; udi_serial_number: string }; signing_type: string; value: string } };
type Payload = {
  version?: string;
  meta: { report_id?: number; entitlement_tag: string; software_version?: string };
  asset_identification: { report_id?: number; instance: { sudi: { udi_pid: string; udi_serial_number: string } } };
  measurements: { start_time: number; end_time: number; log_time: number; metric_name: string; value: { type: string; value: string } }[];
};

function rums(children: ReadChild[]) {
  return children
    .filter((c) => c.element === "RUMReport")
    .map((c) => {
      const env = c.body as unknown as Envelope;
      const payload = JSON.parse(env.payload) as Payload;
      const reportId = payload.version === "2.0" ? payload.asset_identification.report_id! : payload.meta.report_id!;
      const sudi = payload.asset_identification.instance.sudi;
      const verifies = rumSignatureMatches(builtinRumKey(sudi.udi_pid, sudi.udi_serial_number), env.payload, env.signature.value);
      return { env, payload, reportId, sudi, verifies };
    });
}

async function xmlChildren(opts: Partial<SimulateOptions> = {}) {
  const result = await simulateUsage({ ...base, ...opts });
  return { result, children: readUsageXml(result.bytes.toString("utf8")) };
}

describe("npm run simulate: usage file generation", () => {
  it("writes shape B for 17.9: signed reports for realistic devices, licenses and serials", async () => {
    const { result, children } = await xmlChildren();
    const reports = rums(children);
    expect(result.devices).toHaveLength(6);
    expect(reports).toHaveLength(result.devices.reduce((n, d) => n + Object.keys(d.licenses).length, 0));
    expect(reports.length).toBeGreaterThanOrEqual(6);
    for (const r of reports) {
      expect(r.payload.version).toBe("2.0");
      expect(r.payload.meta.report_id).toBeUndefined();
      expect(r.verifies).toBe(true);
      expect(r.env.signature.sudi).toEqual(r.sudi);
      expect(r.env.signature.signing_type).toBe("builtin");
      expect(KNOWN_TAGS.has(r.payload.meta.entitlement_tag)).toBe(true);
      expect(productMapEntryForPid(r.sudi.udi_pid)).toBeDefined();
      expect(r.sudi.udi_serial_number).toMatch(/^(FDO\d{4}[0-9A-Z]{4}|[0-9A-Z]{11})$/);
      expect(r.payload.measurements[0]).toMatchObject({ metric_name: "ENTITLEMENT", value: { type: "COUNT", value: "1" } });
    }
    for (const d of result.devices) {
      expect(d.udiSn).toMatch(d.udiPid === "C8000V" || d.udiPid === "CSR1000V" ? /^[0-9A-Z]{11}$/ : /^FDO\d{4}[0-9A-Z]{4}$/);
    }
  });

  it("writes shape A for 17.6, with the report id in meta", async () => {
    const reports = rums((await xmlChildren({ shape: "17.6" })).children);
    for (const r of reports) {
      expect(r.payload.version).toBeUndefined();
      expect(r.payload.meta.report_id).toBe(r.reportId);
      expect(r.payload.asset_identification.report_id).toBeUndefined();
      expect(r.payload.meta.software_version).toBe("17.06.05");
      expect(r.verifies).toBe(true);
    }
  });

  it("takes report ids and measurement times from the given now", async () => {
    const reports = rums((await xmlChildren()).children);
    const ids = reports.map((r) => r.reportId);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBe(ids[i - 1] + 1);
    expect(ids.at(-1)).toBe(NOW_S);
    for (const r of reports) expect(r.payload.measurements).toEqual([expect.objectContaining({ start_time: NOW_S - 86_400, end_time: NOW_S, log_time: NOW_S })]);

    const later = new Date(NOW.getTime() + 3_600_000);
    const moved = rums((await xmlChildren({ now: later })).children);
    expect(moved.at(-1)!.reportId).toBe(NOW_S + 3600);
    expect(moved[0].payload.measurements[0].end_time).toBe(NOW_S + 3600);
  });

  it("writes the faults it says: bad signature, unknown tag, future measurement, duplicate report id", async () => {
    const { result, children } = await xmlChildren({ instances: 8, faults: 4 });
    const reports = rums(children);
    const faulty = result.reports.filter((r) => r.fault);
    expect(new Set(faulty.map((f) => f.fault))).toEqual(new Set(["bad-signature", "unknown-tag", "future-measurement", "duplicate-report-id"]));
    const at = (fault: string) => {
      const f = faulty.find((x) => x.fault === fault)!;
      return reports.filter((r) => r.reportId === f.reportId && `PID:${r.sudi.udi_pid},SN:${r.sudi.udi_serial_number}` === f.udi);
    };
    const [bad] = at("bad-signature");
    expect(bad.verifies).toBe(false);
    const [unknown] = at("unknown-tag");
    expect(unknown.verifies).toBe(true);
    expect(unknown.payload.meta.entitlement_tag).toMatch(F16);
    expect(KNOWN_TAGS.has(unknown.payload.meta.entitlement_tag)).toBe(false);
    const [future] = at("future-measurement");
    expect(future.verifies).toBe(true);
    expect(future.payload.measurements[0].end_time).toBeGreaterThan(NOW_S + 86_400);
    const dupes = at("duplicate-report-id");
    expect(dupes).toHaveLength(2);
    expect(dupes[0].env.payload).toBe(dupes[1].env.payload);
    // Every other report is clean.
    const clean = reports.filter((r) => !faulty.some((f) => f.reportId === r.reportId));
    expect(clean.every((r) => r.verifies && KNOWN_TAGS.has(r.payload.meta.entitlement_tag) && r.payload.measurements[0].end_time <= NOW_S)).toBe(true);
  });

  it("adds trust-code requests and DLC data on request", async () => {
    const { result, children } = await xmlChildren({ instances: 30, trustRequests: true, dlc: true });
    const trust = children.filter((c) => c.element === "TrustCodeRequest");
    expect(trust).toHaveLength(30);
    for (const t of trust) {
      expect(t.body.sudi_list).toHaveLength(1);
      expect(t.body.nonce).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(t.body.force).toBe(false);
    }
    const dlc = children.filter((c) => c.element === "DLCReport");
    const withDlc = result.devices.filter((d) => dlcLinesForPid(d.udiPid));
    expect(withDlc.some((d) => d.udiPid.startsWith("C11"))).toBe(true);
    expect(dlc).toHaveLength(withDlc.length);
    for (const d of dlc) {
      const lines = d.body.conversion_lines as { conversion_type: string; sku: string; entitlement_tag: string }[];
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l.conversion_type).toBe("PAK");
        expect(KNOWN_TAGS.has(l.entitlement_tag)).toBe(true);
      }
    }
  });

  it("bundles a tar with a manifest naming the VA and one member per device", async () => {
    const result = await simulateUsage({ ...base, format: "tar", va: "Eg-VA-01", sa: "Eg-SA-01", gzip: true });
    expect(result.bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const entries = await readTar(result.bytes);
    expect(entries[0].name).toBe("manifest.mf");
    const manifest = entries[0].body;
    expect(manifest).toContain("Manifest-Version: 1.0\nCreated-By: OpenSSM simulator\nSmart-Account: Eg-SA-01\n");
    expect(entries.slice(1).map((e) => e.name)).toEqual(result.devices.map((d) => `dev_${d.udiSn}_${NOW_S}.xml`));
    for (const e of entries.slice(1)) {
      expect(manifest).toContain(`Name: ${e.name}\nSpecification-VA: Eg-VA-01`);
      const sn = e.name.split("_")[1];
      const reports = rums(readUsageXml(e.body));
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((r) => r.sudi.udi_serial_number === sn && r.verifies)).toBe(true);
    }
  });

  it("is deterministic for a seed", async () => {
    const a = await simulateUsage({ ...base, format: "tar", trustRequests: true, faults: 2 });
    const b = await simulateUsage({ ...base, format: "tar", trustRequests: true, faults: 2 });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const c = await simulateUsage({ ...base, format: "tar", trustRequests: true, faults: 2, seed: "other" });
    expect(a.bytes.equals(c.bytes)).toBe(false);
  });

  it("refuses an XML file beyond the F-1.10 entry limit", async () => {
    await expect(simulateUsage({ ...base, instances: 2000, licenses: 5, trustRequests: true })).rejects.toThrow(/at most 10,000 entries/);
  });
});
