import { describe, expect, it } from "vitest";
import { availableOf, pakStatus, sumQuantities, usedOf } from "./pak-status";

const q = (qtyOrdered: number, qtyFulfilled: number, qtyConverted: number) => ({ qtyOrdered, qtyFulfilled, qtyConverted });

describe("D-17 PAK status", () => {
  it.each([
    [q(25, 0, 0), "UNFULFILLED", 0, 25],
    [q(25, 5, 0), "PARTIALLY FULFILLED", 5, 20],
    [q(25, 5, 3), "PARTIALLY FULFILLED", 8, 17],
    [q(25, 0, 3), "PARTIALLY CONVERTED", 3, 22],
    [q(2, 2, 0), "FULFILLED", 2, 0],
    [q(2, 1, 1), "FULFILLED", 2, 0],
    [q(4, 0, 4), "CONVERTED", 4, 0],
  ])("%o is %s", (quantities, status, used, available) => {
    expect(pakStatus(quantities)).toBe(status);
    expect(usedOf(quantities)).toBe(used);
    expect(availableOf(quantities)).toBe(available);
  });

  it("sums the lines for a whole PAK", () => {
    expect(pakStatus(sumQuantities([q(25, 0, 0), q(25, 0, 0)]))).toBe("UNFULFILLED");
    expect(pakStatus(sumQuantities([q(2, 2, 0), q(2, 0, 0)]))).toBe("PARTIALLY FULFILLED");
    expect(pakStatus(sumQuantities([q(2, 0, 2), q(2, 0, 0)]))).toBe("PARTIALLY CONVERTED");
  });
});
