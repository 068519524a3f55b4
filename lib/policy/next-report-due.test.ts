import { describe, expect, it } from "vitest";
import type { Policy } from "@/db/schema";
import { categoryOf, nextReportDue, policyRules } from "./next-report-due";

const base = { id: "x", isCiscoDefault: false, ackRequired: null, version: 1, createdAt: new Date(0) };
const ciscoDefault = { ...base, name: "Cisco default", isCiscoDefault: true, ackRequired: true,
  expFirst: 0, expFreq: 0, expChange: 0, enfFirst: 0, enfFreq: 0, enfChange: 0,
  unpFirst: 365, unpFreq: 0, unpChange: 90, unsFirst: 90, unsFreq: 90, unsChange: 90 } as Policy;
const slp = { ...base, name: "SLP Policy",
  expFirst: null, expFreq: 30, expChange: 30, enfFirst: null, enfFreq: 90, enfChange: 60,
  unpFirst: 30, unpFreq: 60, unpChange: 60, unsFirst: 120, unsFreq: 150, unsChange: 120 } as Policy;

const day = (d: string) => new Date(`${d}T12:00:00Z`);

describe("P-5 categories", () => {
  it("maps enforcement and duration", () => {
    expect(categoryOf("EXPORT_CONTROLLED", "PERPETUAL")).toBe("exp");
    expect(categoryOf("ENFORCED", "SUBSCRIPTION")).toBe("enf");
    expect(categoryOf("UNENFORCED", "PERPETUAL")).toBe("unp");
    expect(categoryOf("UNENFORCED", "SUBSCRIPTION")).toBe("uns");
  });
});

describe("P-7 next report due", () => {
  const rules = policyRules(slp, ciscoDefault);

  it("fills null values from Cisco default (P-4)", () => {
    expect(rules.exp).toEqual({ first: 0, freq: 30, change: 30 });
    expect(policyRules(undefined, ciscoDefault).unp).toEqual({ first: 365, freq: 0, change: 90 });
  });

  it("takes the minimum over the categories in use, from the last ACK", () => {
    const pi = { firstConsumedAt: day("2023-08-23"), lastAckAt: day("2024-02-04"), utilityMode: false };
    expect(nextReportDue({ ...pi, categories: ["unp", "uns", "exp"] }, rules)).toEqual(day("2024-03-05"));
    expect(nextReportDue({ ...pi, categories: ["unp"] }, rules)).toEqual(day("2024-04-04"));
  });

  it("uses the first-report rule before the first ACK, else the frequency from first consumption", () => {
    const pi = { firstConsumedAt: day("2024-01-01"), lastAckAt: null, utilityMode: false };
    expect(nextReportDue({ ...pi, categories: ["unp"] }, rules)).toEqual(day("2024-01-31"));
    // Export: first is 0 (inherited), so the frequency counts from first consumption.
    expect(nextReportDue({ ...pi, categories: ["exp"] }, rules)).toEqual(day("2024-01-31"));
  });

  it("sets no date when no category sets one, or when the instance never consumed (P-6)", () => {
    const cisco = policyRules(undefined, ciscoDefault);
    expect(nextReportDue({ firstConsumedAt: day("2024-01-01"), lastAckAt: day("2024-02-01"), utilityMode: false, categories: ["unp", "exp"] }, cisco)).toBeNull();
    expect(nextReportDue({ firstConsumedAt: null, lastAckAt: null, utilityMode: true, categories: ["uns"] }, rules)).toBeNull();
    expect(nextReportDue({ firstConsumedAt: day("2024-01-01"), lastAckAt: null, utilityMode: false, categories: [] }, rules)).toBeNull();
  });

  it("P-10: utility mode caps the date at 30 days after the last ACK (or first consumption)", () => {
    const cisco = policyRules(undefined, ciscoDefault);
    const pi = { firstConsumedAt: day("2023-08-23"), lastAckAt: day("2024-02-14"), utilityMode: true };
    expect(nextReportDue({ ...pi, categories: ["uns"] }, cisco)).toEqual(day("2024-03-15"));
    expect(nextReportDue({ ...pi, lastAckAt: null, categories: ["unp"] }, cisco)).toEqual(day("2023-09-22"));
    // A policy date earlier than the utility one still wins.
    const short = policyRules({ ...slp, unsFreq: 10 } as Policy, ciscoDefault);
    expect(nextReportDue({ ...pi, categories: ["uns"] }, short)).toEqual(day("2024-02-24"));
  });
});
