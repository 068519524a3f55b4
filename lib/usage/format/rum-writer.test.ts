import { extract } from "tar-stream";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { rumEnvelope, rumPayload, usageXml } from "./rum-writer";
import { builtinRumKey, rumSignatureMatches } from "./signature";
import { usageTar } from "./tar-writer";

const TAG = "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844";
const base = { udiPid: "C8300-1N1S-4T2X", udiSn: "FDO2250A0J5", reportId: 1671840750, entitlementTag: TAG, measurements: [{ startTime: 1699913600, endTime: 1700000000, count: 1 }] };

describe("F-1 writer", () => {
  it("writes shape B with version 2.0 and the report id in asset_identification", () => {
    const p = JSON.parse(rumPayload({ ...base, shape: "B", softwareVersion: "17.09.04a" }));
    expect(p.version).toBe("2.0");
    expect(p.asset_identification.report_id).toBe(1671840750);
    expect(p.meta).toMatchObject({ entitlement_tag: TAG, utility_enabled: false, software_version: "17.09.04a" });
    expect(p.measurements[0]).toMatchObject({ metric_name: "ENTITLEMENT", value: { type: "COUNT", value: "1" } });
  });

  it("writes shape A without a version and the report id in meta", () => {
    const p = JSON.parse(rumPayload({ ...base, shape: "A" }));
    expect(p.version).toBeUndefined();
    expect(p.meta.report_id).toBe(1671840750);
    expect(p.asset_identification.report_id).toBeUndefined();
  });

  it("signs envelopes per F-1.4, also verifying a re-serialised payload, and rejects tampering", () => {
    const payload = rumPayload({ ...base, shape: "B" });
    const env = rumEnvelope(payload, base) as { signature: { value: string; signing_type: string } };
    const key = builtinRumKey(base.udiPid, base.udiSn);
    expect(env.signature.signing_type).toBe("builtin");
    expect(rumSignatureMatches(key, payload, env.signature.value)).toBe(true);
    const spaced = JSON.stringify(JSON.parse(payload), null, 1);
    expect(rumSignatureMatches(key, spaced, env.signature.value)).toBe(true);
    expect(rumSignatureMatches(key, payload.replace('"1"', '"2"'), env.signature.value)).toBe(false);
    expect(rumSignatureMatches(builtinRumKey(base.udiPid, "OTHER"), payload, env.signature.value)).toBe(false);
  });

  it("wraps children in a smartLicense document with CDATA", () => {
    const xml = usageXml([{ element: "RUMReport", body: { a: "x]]>y" } }]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<smartLicense>\n<RUMReport><!\[CDATA\[/);
    expect(xml).toContain("]]]]><![CDATA[>");
  });

  it("writes a gzipped ustar bundle with the manifest first", async () => {
    const gz = await usageTar({ smartAccount: "Eg-SA-01", gzip: true, members: [{ name: "dev_FDO2250A0J5_1700000000.xml", content: "<smartLicense/>", va: "Eg-VA-01" }] });
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const tar = gunzipSync(gz);
    expect(tar.subarray(257, 262).toString()).toBe("ustar");
    const entries: { name: string; body: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const ex = extract();
      ex.on("entry", (header, stream, next) => {
        const parts: Buffer[] = [];
        stream.on("data", (c) => parts.push(c as Buffer));
        stream.on("end", () => {
          entries.push({ name: header.name, body: Buffer.concat(parts).toString() });
          next();
        });
      });
      ex.on("finish", resolve);
      ex.on("error", reject);
      ex.end(tar);
    });
    expect(entries.map((e) => e.name)).toEqual(["manifest.mf", "dev_FDO2250A0J5_1700000000.xml"]);
    expect(entries[0].body).toBe("Manifest-Version: 1.0\nCreated-By: OpenSSM\nSmart-Account: Eg-SA-01\n\nName: dev_FDO2250A0J5_1700000000.xml\nSpecification-VA: Eg-VA-01\n");
  });
});
