import { describe, expect, it } from "vitest";
import type { EffectivePolicy } from "@/lib/policy/document";
import { synchFileData, synchFileName } from "./synch-file";

const v = (value: number) => ({ value, source: "CISCO default" as const });
const cat = { first: v(0), frequency: v(0), on_change: v(0) };
const policy: EffectivePolicy = {
  id: "p-0",
  name: "Cisco default",
  version: 1,
  isCiscoDefault: true,
  ackRequired: { value: true, source: "CISCO default" },
  categories: { exp: cat, enf: cat, unp: cat, uns: cat },
};

describe("F-13 synch file", () => {
  const at = new Date("2024-03-10T23:59:59Z");
  const data = synchFileData({
    smartAccount: { name: "Eg-SA-01", domain: "eg-sa-01.example.com", accountId: "402117" },
    virtualAccount: { name: "Krakow LAN-SW", vaNumericId: "123456" },
    policy,
    licenses: [{ entitlementTag: "regid.x", name: "C9500-32QC DNA Advantage", purchased: 3, inUse: 4, balance: -1 }],
    issuedAt: at,
  });

  it("carries exactly the F-13 keys: accounts, the F-5 policy data and one summary per license", () => {
    expect(Object.keys(data)).toEqual(["version", "type", "smart_account", "virtual_account", "policy", "licenses", "issued_at"]);
    expect(data.version).toBe("1.0");
    expect(data.type).toBe("synch");
    expect(data.smart_account).toEqual({ name: "Eg-SA-01", domain: "eg-sa-01.example.com", account_id: "402117" });
    expect(data.virtual_account).toEqual({ name: "Krakow LAN-SW", virtual_account_id: "123456" });
    expect(data.policy).toMatchObject({ type: "policy", name: "Cisco default", policy_id: "p-0", policy_version: 1, issued_at: at.getTime() });
    expect(data.licenses).toEqual([{ entitlement_tag: "regid.x", display_name: "C9500-32QC DNA Advantage", purchased: 3, in_use: 4, balance: -1 }]);
    expect(data.issued_at).toBe(at.getTime());
  });

  it("is named SynchFile_{VA}_{yyyymmdd}.xml by the UTC date", () => {
    expect(synchFileName("Krakow LAN-SW", at)).toBe("SynchFile_Krakow LAN-SW_20240310.xml");
  });
});
