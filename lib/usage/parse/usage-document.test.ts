import { describe, expect, it } from "vitest";
import { rumEnvelope, rumPayload, usageXml } from "@/lib/usage/format/rum-writer";
import {
  V26_DOCTYPE,
  V27_NOT_USAGE,
  V27_NOTHING,
  v26NotWellFormed,
  v27aTooLarge,
  v27aTooMany,
  v27Missing,
  v27NotJson,
} from "../messages";
import { parseUsageDocument } from "./usage-document";

const TAG = "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844";
const udi = { udiPid: "C8300-1N1S-4T2X", udiSn: "FDO2250A0J5" };
const envelope = (reportId: number, shape: "A" | "B" = "B") =>
  rumEnvelope(rumPayload({ ...udi, shape, reportId, entitlementTag: TAG, measurements: [{ startTime: 1, endTime: 2, count: 1 }] }), udi);
const refusal = (text: string) => {
  try {
    parseUsageDocument(text, "usage_report");
  } catch (err) {
    return (err as Error).message;
  }
  return "accepted";
};

describe("F-1 usage documents (V-26, V-27, V-27a)", () => {
  it("reads both payload shapes from CDATA", () => {
    const doc = parseUsageDocument(usageXml([{ element: "RUMReport", body: envelope(1, "A") }, { element: "RUMReport", body: envelope(2, "B") }]), "f");
    expect(doc.entries.map((e) => [e.element, e.index])).toEqual([["RUMReport", 1], ["RUMReport", 2]]);
    expect(JSON.parse(doc.entries[0].body.payload as string).meta.report_id).toBe(1);
    expect(JSON.parse(doc.entries[1].body.payload as string).asset_identification.report_id).toBe(2);
  });

  it("accepts escaped text and CDATA split around ]]>", () => {
    const json = JSON.stringify({ sudi: { udi_pid: "A", udi_serial_number: "B" }, hostname: "a]]>b & <c>" });
    const escaped = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const text = `<smartLicense><InstanceInfo>${escaped}</InstanceInfo>${usageXml([{ element: "InstanceInfo", body: JSON.parse(json) }]).replace(/^[\s\S]*?<smartLicense>/, "").replace("</smartLicense>\n", "")}</smartLicense>`;
    const doc = parseUsageDocument(text, "f");
    expect(doc.entries.map((e) => e.body.hostname)).toEqual(["a]]>b & <c>", "a]]>b & <c>"]);
  });

  it("merges concatenated documents, each with its own prolog, and tolerates a BOM and CRLF", () => {
    const one = usageXml([{ element: "RUMReport", body: envelope(1) }]).replace(/\n/g, "\r\n");
    const two = usageXml([{ element: "TrustCodeRequest", body: { sudi_list: [], nonce: "x", force: false } }]);
    const doc = parseUsageDocument(`\uFEFF${one}${two}`, "f");
    expect(doc.entries.map((e) => e.element)).toEqual(["RUMReport", "TrustCodeRequest"]);
  });

  it("skips unknown children with a warning", () => {
    const xml = `<smartLicense><FutureThing>{}</FutureThing><RUMReport><![CDATA[${JSON.stringify(envelope(1))}]]></RUMReport></smartLicense>`;
    const doc = parseUsageDocument(xml, "usage_report");
    expect(doc.entries).toHaveLength(1);
    expect(doc.warnings).toEqual(["Unknown element FutureThing in usage_report was skipped."]);
  });

  it("refuses DOCTYPE and ENTITY declarations before parsing", () => {
    expect(refusal(`<?xml version="1.0"?><!DOCTYPE smartLicense [<!ENTITY x "y">]><smartLicense/>`)).toBe(V26_DOCTYPE);
    expect(refusal(`<smartLicense><!ENTITY x SYSTEM "file:///etc/passwd"></smartLicense>`)).toBe(V26_DOCTYPE);
  });

  it("refuses nesting deeper than 8, with the position", () => {
    // smartLicense (1) > RUMReport (2) > six more levels = 8
    const eight = "<a>".repeat(6) + "</a>".repeat(6);
    expect(refusal(`<smartLicense><RUMReport>${eight}</RUMReport></smartLicense>`)).toBe(v27NotJson(1));
    const nine = "<a>".repeat(7) + "</a>".repeat(7);
    expect(refusal(`<smartLicense><RUMReport>${nine}</RUMReport></smartLicense>`)).toBe(v26NotWellFormed(1, 14 + 11 + 3 * 6 + 1));
  });

  it("reports malformed XML with its line and column", () => {
    expect(refusal(`<smartLicense>\n<RUMReport>{}</RUMReprt>\n</smartLicense>`)).toBe(v26NotWellFormed(2, 14));
    expect(refusal(`<smartLicense>\n  <RUMReport>{}`)).toMatch(/^The file is not well-formed XML \(line \d+, column \d+\)\.$/);
    expect(refusal(`<smartLicense/>junk`)).toBe(v26NotWellFormed(1, 16));
  });

  it("checks the structure (V-27)", () => {
    expect(refusal(`<licenses><RUMReport>{}</RUMReport></licenses>`)).toBe(V27_NOT_USAGE);
    expect(refusal(``)).toBe(V27_NOT_USAGE);
    expect(refusal(`<smartLicense><Other>1</Other></smartLicense>`)).toBe(V27_NOTHING);
    expect(refusal(`<smartLicense><InstanceInfo>{}</InstanceInfo><RUMReport>{not json</RUMReport></smartLicense>`)).toBe(v27NotJson(2));
    expect(refusal(`<smartLicense><RUMReport>{"payload":{},"signature":{}}</RUMReport></smartLicense>`)).toBe(v27Missing(1));
    expect(refusal(`<smartLicense><RUMReport>{"payload":"{}"}</RUMReport></smartLicense>`)).toBe(v27Missing(1));
  });

  it("enforces the per-document limits (V-27a)", () => {
    const many = `<smartLicense>${"<InstanceInfo>{}</InstanceInfo>".repeat(10_001)}</smartLicense>`;
    expect(refusal(many)).toBe(v27aTooMany("usage_report"));
    const big = `<smartLicense><InstanceInfo>{"x":"${"a".repeat(1024 * 1024)}"}</InstanceInfo></smartLicense>`;
    expect(refusal(big)).toBe(v27aTooLarge("usage_report"));
  });
});
