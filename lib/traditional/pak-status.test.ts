import { describe, expect, it } from "vitest";
import { pakStatus } from "./pak-status";

describe("D-17 PAK status", () => {
  it.each([
    [{ ordered: 25, fulfilled: 0, converted: 0 }, "UNFULFILLED"],
    [{ ordered: 25, fulfilled: 5, converted: 0 }, "PARTIALLY FULFILLED"],
    [{ ordered: 25, fulfilled: 5, converted: 5 }, "PARTIALLY FULFILLED"],
    [{ ordered: 25, fulfilled: 0, converted: 5 }, "PARTIALLY CONVERTED"],
    [{ ordered: 25, fulfilled: 25, converted: 0 }, "FULFILLED"],
    [{ ordered: 25, fulfilled: 20, converted: 5 }, "FULFILLED"],
    [{ ordered: 4, fulfilled: 0, converted: 4 }, "CONVERTED"],
  ] as const)("%o → %s", (q, status) => {
    expect(pakStatus(q)).toBe(status);
  });
});
