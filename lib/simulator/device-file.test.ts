import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinRumKey, rumSignatureMatches } from "@/lib/usage/format/signature";
import { deviceFile, measurementsFor, payloadShape, type SimDevice } from "./device-file";

const TAG_A = "regid.2018-12.com.cisco.ESR_P_10M_A,1.0_8946a476-b904-4d0a-9d0b-2b1e5de891a3";
const TAG_B = "regid.2018-12.com.cisco.DNA_P_10M_A,1.0_7f2e8a7a-e74d-4d71-af46-1ae7b3faf320";
const NOW = 1_710_072_000;
const device: SimDevice = {
  udiPid: "C8300-1N1S-4T2X",
  udiSn: "FDO2250A0J5",
  hostname: "br-rtr-01",
  hostnamePrivacy: false,
  softwareVersion: "17.09.04a",
  softwareTag: "regid.2020-05.com.cisco.C8300BE,1.0_5b66594f-27ab-4615-9d15-4aad4969497f",
  licenses: { [TAG_A]: 1, [TAG_B]: 2 },
  nextReportId: 1709208001,
  dlc: { conversion_lines: [{ conversion_type: "RTU", conversion_encoding_type: "plain", conversion_string: "throughput", conversion_count: 1 }] },
};

type Env = { payload: string; signature: { signing_type: string; value: string } };

describe("W-60 device usage file", () => {
  it("picks shape A below 17.9 and shape B from 17.9 on", () => {
    expect(payloadShape("17.3.4a")).toBe("A");
    expect(payloadShape("17.06.05")).toBe("A");
    expect(payloadShape("16.12.04")).toBe("A");
    expect(payloadShape("17.09.04a")).toBe("B");
    expect(payloadShape("17.12.1")).toBe("B");
  });

  it("writes one report per license from next_report_id, plus the requested extras", () => {
    const file = deviceFile({ device, nowSec: NOW, includeTrustRequest: true, includeDlc: true, includeInstanceInfo: true, trustNonce: "abcdefghij012345" });
    expect(file.children.map((c) => c.element)).toEqual(["TrustCodeRequest", "InstanceInfo", "RUMReport", "RUMReport", "DLCReport"]);
    expect(file.reports.map((r) => r.reportId)).toEqual([1709208001, 1709208002]);
    expect(file.nextReportId).toBe(1709208003);
    expect(file.children[1].body).toMatchObject({ hostname: "br-rtr-01", hostname_privacy: false, software_version: "17.09.04a" });
    expect(file.children[4].body).toMatchObject({ sudi: { udi_pid: "C8300-1N1S-4T2X", udi_serial_number: "FDO2250A0J5" }, conversion_lines: device.dlc!.conversion_lines });
    const env = file.children[3].body as Env;
    const payload = JSON.parse(env.payload);
    expect(payload.asset_identification.report_id).toBe(1709208002);
    expect(payload.measurements).toEqual([expect.objectContaining({ start_time: NOW - 86_400, end_time: NOW, value: { type: "COUNT", value: "2" } })]);
    expect(rumSignatureMatches(builtinRumKey(device.udiPid, device.udiSn), env.payload, env.signature.value)).toBe(true);
    expect(deviceFile({ device, nowSec: NOW }).children.map((c) => c.element)).toEqual(["RUMReport", "RUMReport"]);
  });

  it("signs with the trust secret once the device has one", () => {
    const secret = randomBytes(32);
    const file = deviceFile({ device: { ...device, trustSecret: secret }, nowSec: NOW });
    const env = file.children[0].body as Env;
    expect(env.signature.signing_type).toBe("trust");
    expect(rumSignatureMatches(secret, env.payload, env.signature.value)).toBe(true);
    expect(rumSignatureMatches(builtinRumKey(device.udiPid, device.udiSn), env.payload, env.signature.value)).toBe(false);
  });

  it("splits the measurements at a count change since the last report (P-9)", () => {
    const history = { reportedAt: NOW - 7200, reported: { [TAG_A]: 1 }, changedAt: { [TAG_A]: NOW - 3600 } };
    expect(measurementsFor(TAG_A, 3, NOW, history)).toEqual([
      { startTime: NOW - 7200, endTime: NOW - 3600, count: 1 },
      { startTime: NOW - 3600, endTime: NOW, count: 3 },
    ]);
    expect(measurementsFor(TAG_A, 1, NOW, history)).toEqual([{ startTime: NOW - 7200, endTime: NOW, count: 1 }]);
  });
});
