import { describe, expect, it } from "vitest";
import { isEntitlementTag, normaliseEntitlementTag, shortTagOf } from "./entitlement-tag";

const AX = "regid.2014-05.com.cisco.ax_10G,1.0_25119371-655c-427d-b181-222784aae79a";
const UCM = "regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a";

describe("F-16 entitlement tags", () => {
  it("accepts the catalogue's tags and refuses malformed ones", () => {
    expect(isEntitlementTag(AX)).toBe(true);
    expect(isEntitlementTag(UCM)).toBe(true);
    expect(isEntitlementTag("regid.2014-05.com.cisco.ax_10G,1.0_25119371-655C-427d-b181-222784aae79a")).toBe(false);
    expect(isEntitlementTag("regid.2014-5.com.cisco.ax_10G,1.0_25119371-655c-427d-b181-222784aae79a")).toBe(false);
    expect(isEntitlementTag("DNA_HSEC")).toBe(false);
  });

  it("normalises the dot before the version to a comma (002 ~L4387)", () => {
    expect(normaliseEntitlementTag("regid.2014-05.com.cisco.ax_10G.1.0_25119371-655c-427d-b181-222784aae79a")).toBe(AX);
    expect(normaliseEntitlementTag("regid.2016-07.com.cisco.UCM_Enhanced.12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a")).toBe(UCM);
    expect(normaliseEntitlementTag(`  ${AX} `)).toBe(AX);
  });

  it("leaves a tag that cannot be fixed as typed", () => {
    expect(normaliseEntitlementTag("regid.2014-05.com.cisco.ax_10G_1.0_x")).toBe("regid.2014-05.com.cisco.ax_10G_1.0_x");
    expect(normaliseEntitlementTag("not a tag")).toBe("not a tag");
  });

  it("derives the short tag", () => {
    expect(shortTagOf(AX)).toBe("ax_10G");
    expect(shortTagOf(UCM)).toBe("UCM_Enhanced");
  });
});
