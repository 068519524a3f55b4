import { describe, expect, it } from "vitest";
import { blockedMinutes, MAX_FAILURES, throttleMessage, WINDOW_MS } from "./throttle";

const NOW = new Date("2024-03-10T12:00:00Z");
const MIN = 60_000;
/** Failure times `minutesAgo` before NOW, oldest first (as failureTimes returns them). */
const ago = (...minutesAgo: number[]) =>
  minutesAgo.sort((a, b) => b - a).map((m) => new Date(NOW.getTime() - m * MIN));

describe("V-16a blockedMinutes", () => {
  it("uses a limit of 10 failures in 15 minutes", () => {
    expect(MAX_FAILURES).toBe(10);
    expect(WINDOW_MS).toBe(15 * MIN);
  });

  it("is 0 for 10 failures or fewer", () => {
    expect(blockedMinutes([], NOW)).toBe(0);
    expect(blockedMinutes(ago(1), NOW)).toBe(0);
    expect(blockedMinutes(ago(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), NOW)).toBe(0);
    expect(blockedMinutes(ago(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)).toBe(0);
  });

  it("waits until the oldest failure leaves the window when there are 11", () => {
    // Oldest at -10 min leaves the window at +5 min.
    expect(blockedMinutes(ago(10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), NOW)).toBe(5);
    // All 11 just now: the full 15 minutes.
    expect(blockedMinutes(ago(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)).toBe(15);
  });

  it("rounds the wait up to whole minutes, at least 1", () => {
    expect(blockedMinutes(ago(10.5, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), NOW)).toBe(5); // 4.5 → 5
    expect(blockedMinutes(ago(10.01, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), NOW)).toBe(5); // 4.99 → 5
    expect(blockedMinutes(ago(14.5, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), NOW)).toBe(1); // 0.5 → 1
    expect(blockedMinutes(ago(14.999, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), NOW)).toBe(1);
  });

  it("waits until enough failures leave for the count to be 10 again", () => {
    // 13 failures: the three oldest must leave; the third oldest is at -8 min → 7 minutes.
    expect(blockedMinutes(ago(12, 10, 8, 7, 6, 5, 4, 3, 2, 1, 1, 0, 0), NOW)).toBe(7);
    // 12 failures: the second oldest (-3 min) decides → 12 minutes.
    expect(blockedMinutes(ago(14, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0), NOW)).toBe(12);
  });
});

describe("V-16a message", () => {
  it("names the wait in minutes", () => {
    expect(throttleMessage(5)).toBe("Too many failed sign-in attempts. Try again in 5 minutes.");
    expect(throttleMessage(15)).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
  });
});
