import { describe, expect, it } from "vitest";
import { categoryOf, EVENT_CATALOG, EVENT_CATEGORIES, type EventCategory, renderEvent } from "./catalog";

/** §7 "Event categories" table, as E-ID number ranges (suffix letters belong to their number unless listed). */
const SPEC_CATEGORIES: [EventCategory, string[]][] = [
  ["Accounts & Users", ["E-1", "E-2", "E-3", "E-4", "E-50", "E-51", "E-51a", "E-52", "E-53", "E-53a", "E-53b"]],
  ["Tokens", ["E-5", "E-6", "E-7", "E-8"]],
  ["Licenses & Transfers", ["E-9", "E-10", "E-35", "E-36", "E-38", "E-62", "E-63", ...range(100, 109)]],
  ["Product Instances", ["E-11", "E-12", "E-13", "E-14"]],
  ["Usage Reporting", [...range(15, 21), "E-30", "E-30a", "E-31", "E-37"]],
  ["Authorizations & Reservations", [...range(22, 29), "E-32", "E-33", "E-34"]],
  ["Conversion", [...range(40, 45), "E-53c"]],
  ["On-Prem & CSLU", [...range(55, 59), ...range(70, 96)]],
  ["System", ["E-53d", "E-60", "E-61"]],
];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `E-${from + i}`);
}

describe("§7 categories", () => {
  it("lists the categories in the table order", () => {
    expect([...EVENT_CATEGORIES]).toEqual(SPEC_CATEGORIES.map(([c]) => c));
  });

  it("maps single ids to their category", () => {
    expect(categoryOf("E-53a")).toBe("Accounts & Users");
    expect(categoryOf("E-53b")).toBe("Accounts & Users");
    expect(categoryOf("E-53c")).toBe("Conversion");
    expect(categoryOf("E-53d")).toBe("System");
    expect(categoryOf("E-60")).toBe("System");
    expect(categoryOf("E-61")).toBe("System");
    expect(categoryOf("E-50")).toBe("Accounts & Users");
    expect(categoryOf("E-5")).toBe("Tokens");
    expect(categoryOf("E-30a")).toBe("Usage Reporting");
    expect(categoryOf("E-62")).toBe("Licenses & Transfers");
    expect(categoryOf("E-22")).toBe("Authorizations & Reservations");
    expect(categoryOf("E-14")).toBe("Product Instances");
    expect(categoryOf("E-57")).toBe("On-Prem & CSLU");
    expect(categoryOf("E-75")).toBe("On-Prem & CSLU");
    expect(categoryOf("E-105")).toBe("Licenses & Transfers");
  });

  it("matches the §7 table for every id it lists", () => {
    for (const [category, ids] of SPEC_CATEGORIES) {
      for (const id of ids) expect({ id, category: categoryOf(id) }).toEqual({ id, category });
    }
  });

  it("gives every catalogued event the category of its base id", () => {
    for (const type of Object.keys(EVENT_CATALOG)) {
      const base = type.split(":")[0];
      const expected = SPEC_CATEGORIES.find(([, ids]) => ids.includes(base))?.[0];
      expect({ type, category: categoryOf(base) }).toEqual({ type, category: expected });
    }
  });
});

describe("§7 messages", () => {
  it("renders E-50 / E-51 with and without a VA", () => {
    expect(renderEvent("E-50", { target: "eg-viewer", role: "Virtual Account User", onVa: ' on "Lab-01"' })).toBe(
      'eg-viewer was given the role Virtual Account User on "Lab-01".',
    );
    expect(renderEvent("E-50", { target: "eg-admin", role: "Smart Account Administrator", onVa: "" })).toBe(
      "eg-admin was given the role Smart Account Administrator.",
    );
    expect(renderEvent("E-51", { target: "eg-vauser", role: "Virtual Account Viewer", onVa: ' on "Krakow LAN-SW"' })).toBe(
      'eg-vauser no longer has the role Virtual Account Viewer on "Krakow LAN-SW".',
    );
    expect(renderEvent("E-51a", { target: "eg-viewer", change: "disabled" })).toBe(
      "Access of eg-viewer to this Smart Account was disabled.",
    );
  });

  it("renders E-53a, E-53c and E-60", () => {
    expect(renderEvent("E-53a", { who: "eg-admin" })).toBe(
      "Sign-in for eg-admin was blocked after more than 10 failed attempts in 15 minutes.",
    );
    expect(renderEvent("E-53c", { pak: "2QW9E4R7T5Y", n: 3, forSa: ' for Smart Account "Eg-SA-01"' })).toBe(
      'PAK 2QW9E4R7T5Y was created with 3 line(s) for Smart Account "Eg-SA-01".',
    );
    expect(renderEvent("E-60", { alert: "Licenses expire soon" })).toBe("Alert raised: Licenses expire soon.");
  });

  it("renders numbers, repeated placeholders and literal $ patterns as given", () => {
    expect(renderEvent("E-14", { pi: "br-rtr-01", from: "Eg-VA-01", to: "Eg-VA-02" })).toBe(
      'Product instance "br-rtr-01" moved from "Eg-VA-01" to "Eg-VA-02" because its usage was reported to "Eg-VA-02".',
    );
    expect(renderEvent("E-1", { va: "Cost $& {va} $1" })).toBe('Virtual account "Cost $& {va} $1" was created.');
    expect(renderEvent("E-12", { pi: "x" })).toBe('Product instance "x" was removed; its licenses returned to the pool.');
  });

  it("throws when a placeholder has no value", () => {
    expect(() => renderEvent("E-1", {} as never)).toThrow("Event E-1 is missing the value {va}");
    expect(() => renderEvent("E-50", { target: "x", role: "y" } as never)).toThrow("Event E-50 is missing the value {onVa}");
  });

  it("has a template for every event with its §7 Shown in", () => {
    expect(EVENT_CATALOG["E-53a"].shownIn).toEqual(["SA"]);
    expect(EVENT_CATALOG["E-53c"].shownIn).toEqual(["OPS"]);
    expect([...EVENT_CATALOG["E-60"].shownIn].sort()).toEqual(["SA", "VA"]);
    expect(EVENT_CATALOG["E-50"].shownIn).toEqual(["SA"]);
    expect([...EVENT_CATALOG["E-53b"].shownIn].sort()).toEqual(["OPS", "SA"]);
  });
});
