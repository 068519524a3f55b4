import { describe, expect, it } from "vitest";
import { applySubstitution, type LicenseBalance } from "./balances";

const row = (va: string, lic: string, purchased: number, inUse: number): LicenseBalance => ({
  virtualAccountId: va,
  licenseDefinitionId: lic,
  purchased,
  pending: 0,
  inUse,
  substitution: 0,
  balance: purchased - inUse,
});

describe("P-16 substitution", () => {
  it("lends min(surplus, shortage) from the higher tier to the lower one in the same VA", () => {
    const rows = new Map([
      ["va|H", row("va", "H", 5, 2)],
      ["va|L", row("va", "L", 1, 3)],
    ]);
    applySubstitution(rows, [{ id: "H", lowerId: "L" }]);
    expect(rows.get("va|H")).toMatchObject({ substitution: -2, balance: 1 });
    expect(rows.get("va|L")).toMatchObject({ substitution: 2, balance: 0 });
  });

  it("does nothing without a surplus, without a shortage, or across VAs", () => {
    const rows = new Map([
      ["a|H", row("a", "H", 1, 1)],
      ["a|L", row("a", "L", 0, 2)],
      ["b|H", row("b", "H", 9, 0)],
    ]);
    applySubstitution(rows, [{ id: "H", lowerId: "L" }]);
    expect(rows.get("a|L")).toMatchObject({ substitution: 0, balance: -2 });
    expect(rows.get("b|H")).toMatchObject({ substitution: 0, balance: 9 });
  });
});
