import { describe, expect, it } from "vitest";
import { isTransientConflict, retryOnConflict } from "./retry";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("isTransientConflict", () => {
  it("finds the SQLSTATE on the error or on a wrapped cause", () => {
    expect(isTransientConflict(deadlock())).toBe(true);
    expect(isTransientConflict(new Error("Failed query", { cause: Object.assign(new Error("x"), { code: "40001" }) }))).toBe(true);
  });
  it("leaves other failures alone", () => {
    expect(isTransientConflict(Object.assign(new Error("unique"), { code: "23505" }))).toBe(false);
    expect(isTransientConflict(new Error("plain"))).toBe(false);
    expect(isTransientConflict(undefined)).toBe(false);
  });
});

describe("retryOnConflict", () => {
  it("runs again after a deadlock and returns the later result", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw deadlock();
      return "done";
    });
    expect({ result, calls }).toEqual({ result: "done", calls: 3 });
  });
  it("gives up after the last attempt and does not retry other errors", async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => { calls++; throw deadlock(); }, 2)).rejects.toThrow("deadlock");
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryOnConflict(async () => { calls++; throw new Error("V-14"); })).rejects.toThrow("V-14");
    expect(calls).toBe(1);
  });
});
