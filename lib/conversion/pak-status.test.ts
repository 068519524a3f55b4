import { describe, expect, it } from "vitest";
import { pakAvailable, pakStatus, sumQuantities } from "./pak-status";

describe("D-17 PAK status", () => {
  it.each([
    [{ ordered: 25, fulfilled: 0, converted: 0 }, "UNFULFILLED"],
    [{ ordered: 25, fulfilled: 5, converted: 0 }, "PARTIALLY FULFILLED"],
    [{ ordered: 25, fulfilled: 5, converted: 5 }, "PARTIALLY FULFILLED"],
    [{ ordered: 25, fulfilled: 0, converted: 10 }, "PARTIALLY CONVERTED"],
    [{ ordered: 1, fulfilled: 1, converted: 0 }, "FULFILLED"],
    [{ ordered: 4, fulfilled: 1, converted: 3 }, "FULFILLED"],
    [{ ordered: 4, fulfilled: 0, converted: 4 }, "CONVERTED"],
  ] as const)("%o is %s", (q, status) => {
    expect(pakStatus(q)).toBe(status);
  });

  it("sums the lines of a PAK before deciding", () => {
    const whole = sumQuantities([
      { ordered: 25, fulfilled: 0, converted: 25 },
      { ordered: 25, fulfilled: 0, converted: 0 },
    ]);
    expect(whole).toEqual({ ordered: 50, fulfilled: 0, converted: 25 });
    expect(pakStatus(whole)).toBe("PARTIALLY CONVERTED");
    expect(pakAvailable(whole)).toBe(25);
  });
});
