import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rumEnvelope, rumPayload, type RumPayloadInput } from "@/lib/usage/format/rum-writer";
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
import { checkRumSignature, normaliseRumReport, normaliseTag } from "./rum";

const TAG = "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844";
const AT = new Date("2024-03-10T12:00:00Z");
const T = AT.getTime() / 1000;
const udi = { udiPid: "C8300-1N1S-4T2X", udiSn: "FDO2250A0J5" };
const input = (over: Partial<RumPayloadInput> = {}): RumPayloadInput => ({
  ...udi,
  shape: "B",
  reportId: 1671840750,
  entitlementTag: TAG,
  softwareVersion: "17.09.04a",
  measurements: [
    { startTime: T - 7200, endTime: T - 3600, count: 1 },
    { startTime: T - 3600, endTime: T - 60, count: 2 },
  ],
  ...over,
});
const env = (over: Partial<RumPayloadInput> = {}) => rumEnvelope(rumPayload(input(over)), udi);
const envWithPayload = (payload: unknown) => ({ ...rumEnvelope("{}", udi), payload: typeof payload === "string" ? payload : JSON.stringify(payload) });
const failure = (e: Record<string, unknown>) => {
  const r = normaliseRumReport(e, AT);
  return r.ok ? "ok" : r.message;
};

describe("F-1.2/F-1.3 RUM normalisation", () => {
  it.each(["A", "B"] as const)("normalises shape %s", (shape) => {
    const r = normaliseRumReport(env({ shape, utilityEnabled: true, subscriptionIds: ["Sub1"] }), AT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({
      ...udi,
      reportId: 1671840750,
      payloadVersion: shape === "B" ? "2.0" : "1",
      entitlementTag: TAG,
      softwareVersion: "17.09.04a",
      utilityEnabled: shape === "B",
      subscriptionIds: ["Sub1"],
      count: 2,
      signingType: "builtin",
    });
    expect(r.report.endTime.toISOString()).toBe(new Date((T - 60) * 1000).toISOString());
    expect(r.report.measurements).toHaveLength(2);
  });

  it("takes the count of the measurement with the greatest end time, whatever the order, and ignores other metrics", () => {
    const payload = JSON.parse(rumPayload(input()));
    payload.measurements.reverse();
    payload.measurements.push({ metric_name: "CPU", start_time: T - 10, end_time: T - 5, value: { type: "COUNT", value: "9" } });
    payload.measurements[0].value.value = 2; // a JSON number is accepted too
    const r = normaliseRumReport(envWithPayload(payload), AT);
    expect(r.ok && r.report.count).toBe(2);
  });

  it("normalises a dot before the version to a comma (F-16)", () => {
    const dotted = "regid.2014-05.com.cisco.ax_10G.1.0_25119371-655c-427d-b181-222784aae79a";
    expect(normaliseTag(dotted)).toBe("regid.2014-05.com.cisco.ax_10G,1.0_25119371-655c-427d-b181-222784aae79a");
    const r = normaliseRumReport(env({ entitlementTag: dotted }), AT);
    expect(r.ok && r.report.entitlementTag).toBe(normaliseTag(dotted));
  });

  it("refuses a malformed tag (V-30)", () => {
    expect(failure(env({ entitlementTag: "regid.bad" }))).toBe(v30Tag("regid.bad"));
  });

  it("refuses invalid payloads (V-32a)", () => {
    expect(failure(envWithPayload("{not json"))).toBe(v32aPayload("payload is not a JSON object"));
    const p = JSON.parse(rumPayload(input()));
    delete p.asset_identification.report_id;
    expect(failure(envWithPayload(p))).toBe(v32aPayload("report_id is missing"));
    const q = JSON.parse(rumPayload(input()));
    delete q.meta.entitlement_tag;
    expect(failure(envWithPayload(q))).toBe(v32aPayload("entitlement_tag is missing"));
    const r = JSON.parse(rumPayload(input()));
    delete r.measurements;
    expect(failure(envWithPayload(r))).toBe(v32aPayload("measurements is missing"));
    expect(failure({ ...env(), header: { type: "other" } })).toBe(v32aPayload("header type must be rum"));
  });

  it("refuses a UDI that differs from the signature's (V-32c)", () => {
    const e = rumEnvelope(rumPayload(input()), { ...udi, udiSn: "OTHER" });
    expect(failure(e)).toBe(V32C_UDI);
    // compared case-insensitively (F-15)
    expect(failure(rumEnvelope(rumPayload(input()), { ...udi, udiSn: udi.udiSn.toLowerCase() }))).toBe("ok");
  });

  it("refuses reports without a valid ENTITLEMENT measurement (V-32d)", () => {
    expect(failure(env({ measurements: [{ startTime: T - 10, endTime: T - 20, count: 1 }] }))).toBe(v32dMeasurement(1671840750));
    const p = JSON.parse(rumPayload(input()));
    for (const m of p.measurements) m.value.value = "-1";
    expect(failure(envWithPayload(p))).toBe(v32dMeasurement(1671840750));
    const q = JSON.parse(rumPayload(input()));
    for (const m of q.measurements) m.metric_name = "OTHER";
    expect(failure(envWithPayload(q))).toBe(v32dMeasurement(1671840750));
  });

  it("refuses report ids above 2^53−1 (V-32e), quoting the id as sent", () => {
    const text = rumPayload(input()).replace("1671840750", "9007199254740993");
    const r = normaliseRumReport(envWithPayload(text), AT);
    expect(r.ok ? "ok" : r.message).toBe(v32eRange("9007199254740993"));
    expect(failure(env({ reportId: Number.MAX_SAFE_INTEGER }))).toBe("ok");
  });

  it("refuses measurements dated more than a day ahead (V-38)", () => {
    expect(failure(env({ measurements: [{ startTime: T, endTime: T + 86_400 + 1, count: 1 }] }))).toBe(v38Future(1671840750));
    expect(failure(env({ measurements: [{ startTime: T, endTime: T + 86_400, count: 1 }] }))).toBe("ok");
  });
});

describe("F-1.4 signature check", () => {
  it("verifies builtin signatures, the re-serialised payload too, and rejects tampering (V-32b)", () => {
    const e = env();
    expect(checkRumSignature(e, udi, null, false)).toEqual({ status: "VERIFIED" });
    const reserialised = { ...e, payload: JSON.stringify(JSON.parse(e.payload as string), null, 2) };
    expect(checkRumSignature(reserialised, udi, null, false)).toEqual({ status: "VERIFIED" });
    const tampered = { ...e, payload: (e.payload as string).replace('"value":"2"', '"value":"0"') };
    expect(checkRumSignature(tampered, udi, null, false)).toEqual({ status: "FAILED", message: V32B_SIGNATURE });
    expect(checkRumSignature(tampered, udi, null, true)).toEqual({ status: "IGNORED" });
  });

  it("uses the trust secret for trust-signed reports, and needs one", () => {
    const secret = randomBytes(32);
    const e = rumEnvelope(rumPayload(input()), { ...udi, signingType: "trust", trustSecret: secret });
    expect(checkRumSignature(e, udi, secret, false)).toEqual({ status: "VERIFIED" });
    expect(checkRumSignature(e, udi, randomBytes(32), false)).toEqual({ status: "FAILED", message: V32B_SIGNATURE });
    expect(checkRumSignature(e, udi, null, false)).toEqual({ status: "FAILED", message: NO_TRUST_CODE });
  });
});
