import { describe, expect, it } from "vitest";
import type { Policy } from "@/db/schema";
import { policyData, resolvePolicy } from "./document";

const base = { id: "p-1", isCiscoDefault: false, ackRequired: null, version: 3, createdAt: new Date(0) };
const ciscoDefault = { ...base, id: "p-0", version: 1, name: "Cisco default", isCiscoDefault: true, ackRequired: true,
  expFirst: 0, expFreq: 0, expChange: 0, enfFirst: 0, enfFreq: 0, enfChange: 0,
  unpFirst: 365, unpFreq: 0, unpChange: 90, unsFirst: 90, unsFreq: 90, unsChange: 90 } as Policy;
const slp = { ...base, name: "SLP Policy", ackRequired: true,
  expFirst: null, expFreq: 30, expChange: 30, enfFirst: null, enfFreq: 90, enfChange: 60,
  unpFirst: 30, unpFreq: 60, unpChange: 60, unsFirst: 120, unsFreq: 150, unsChange: 120 } as Policy;

const c = (value: number, source: "CISCO default" | "Customer Policy") => ({ value, source });

describe("F-5 policy data", () => {
  it("has exactly the F-5 keys, every value tagged with its source (P-3)", () => {
    const data = policyData(resolvePolicy(slp, ciscoDefault), new Date("2024-03-10T12:00:00Z"));
    expect(data).toEqual({
      version: "1.0",
      type: "policy",
      policy_id: "p-1",
      name: "SLP Policy",
      policy_version: 3,
      ack_required: { value: true, source: "Customer Policy" },
      categories: {
        exp: { first: c(0, "CISCO default"), frequency: c(30, "Customer Policy"), on_change: c(30, "Customer Policy") },
        enf: { first: c(0, "CISCO default"), frequency: c(90, "Customer Policy"), on_change: c(60, "Customer Policy") },
        unp: { first: c(30, "Customer Policy"), frequency: c(60, "Customer Policy"), on_change: c(60, "Customer Policy") },
        uns: { first: c(120, "Customer Policy"), frequency: c(150, "Customer Policy"), on_change: c(120, "Customer Policy") },
      },
      utility_ack_days: 30,
      issued_at: 1710072000000,
    });
  });

  it("tags every value of Cisco default itself, and an inherited ACK requirement, as `CISCO default`", () => {
    const own = policyData(resolvePolicy(ciscoDefault, ciscoDefault), new Date(0));
    expect(own.ack_required).toEqual({ value: true, source: "CISCO default" });
    expect(Object.values(own.categories).flatMap((cat) => Object.values(cat).map((v) => v.source))).toEqual(Array(12).fill("CISCO default"));
    expect(own.categories.unp.first).toEqual(c(365, "CISCO default"));
    expect(policyData(resolvePolicy({ ...slp, ackRequired: null }, ciscoDefault), new Date(0)).ack_required).toEqual({ value: true, source: "CISCO default" });
    expect(policyData(resolvePolicy({ ...slp, ackRequired: false }, ciscoDefault), new Date(0)).ack_required).toEqual({ value: false, source: "Customer Policy" });
  });
});
