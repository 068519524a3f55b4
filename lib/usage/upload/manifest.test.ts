import { describe, expect, it } from "vitest";
import { resolveMemberVa } from "../resolve-va";
import { parseManifest, specFor } from "./manifest";

const sa = { name: "Eg-SA-01", accountId: "402117" };
const vas = [
  { id: "va1", name: "Eg-VA-01", vaNumericId: "100001" },
  { id: "va2", name: "Krakow LAN-SW", vaNumericId: "100002" },
  { id: "va3", name: "lab", vaNumericId: "100003" },
  { id: "va4", name: "LAB", vaNumericId: "100004" },
];
const writable = new Set(["va1", "va2", "va3", "va4"]);

describe("F-2 manifest and VA resolution", () => {
  it("reads the global section and the member sections, CRLF and continuation lines too", () => {
    const m = parseManifest("Manifest-Version: 1.0\r\nCreated-By: CSLU 2.0.0 (clone)\r\nSmart-Account: Eg-SA-01\r\nSmart-Account-ID: 402117\r\n\r\nName: dev_A_1.xml\r\nSpecification-VA: Krakow\r\n  LAN-SW\r\n\r\nName: UD_inner.tar\r\nSpecification-VA-ID: 100001\r\n");
    expect(m).toMatchObject({ smartAccount: "Eg-SA-01", smartAccountId: "402117" });
    expect(m.sections.get("dev_A_1.xml")).toEqual({ va: "Krakow LAN-SW", vaId: null });
    const manifests = new Map([[null, m]]);
    expect(specFor("dev_B_1.xml", "UD_inner.tar", manifests)).toMatchObject({ vaId: "100001", smartAccount: "Eg-SA-01" });
  });

  it("resolves by VA id, exact name, then a unique case-insensitive name; else asks", () => {
    const spec = (va: string | null, vaId: string | null = null, smartAccount: string | null = "Eg-SA-01") => ({ va, vaId, smartAccount, smartAccountId: null });
    expect(resolveMemberVa(spec("whatever", "100002"), sa, vas, writable)).toBe("va2");
    expect(resolveMemberVa(spec("Eg-VA-01"), sa, vas, writable)).toBe("va1");
    expect(resolveMemberVa(spec("krakow lan-sw"), sa, vas, writable)).toBe("va2");
    expect(resolveMemberVa(spec("Lab"), sa, vas, writable)).toBeNull(); // two case-insensitive matches
    expect(resolveMemberVa(spec("lab"), sa, vas, writable)).toBe("va3");
    expect(resolveMemberVa(spec(null), sa, vas, writable)).toBeNull();
    expect(resolveMemberVa(spec("Eg-VA-01", null, "BU Production Test"), sa, vas, writable)).toBeNull();
    expect(resolveMemberVa(spec("Eg-VA-01"), sa, vas, new Set(["va2"]))).toBeNull(); // not writable counts as unknown
  });
});
