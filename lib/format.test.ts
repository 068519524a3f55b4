import { describe, expect, it } from "vitest";
import { formatBalance, formatDate, formatTimestamp, formatUses, orDash, pageSummary, relativeExpiry } from "./format";

const DAY = 86_400_000;

describe("S-0 timestamps", () => {
  const t = new Date("2021-01-15T02:53:39Z");

  it("formats YYYY-Mon-DD HH:MM:SS in UTC by default", () => {
    expect(formatTimestamp(t)).toBe("2021-Jan-15 02:53:39");
    expect(formatTimestamp(t, "UTC")).toBe("2021-Jan-15 02:53:39");
    expect(formatTimestamp("2021-01-15T02:53:39.000Z")).toBe("2021-Jan-15 02:53:39");
  });

  it("follows the user's time zone, including the date change", () => {
    expect(formatTimestamp(t, "America/New_York")).toBe("2021-Jan-14 21:53:39");
    expect(formatTimestamp(t, "Asia/Kolkata")).toBe("2021-Jan-15 08:23:39");
    expect(formatTimestamp(t, "Europe/Warsaw")).toBe("2021-Jan-15 03:53:39");
    // Daylight saving time in summer.
    expect(formatTimestamp(new Date("2021-07-01T12:00:00Z"), "Europe/Warsaw")).toBe("2021-Jul-01 14:00:00");
  });

  it("uses a 00 hour at midnight (not 24) and pads every part", () => {
    expect(formatTimestamp(new Date("2024-12-05T00:05:09Z"))).toBe("2024-Dec-05 00:05:09");
    expect(formatTimestamp(new Date("2024-02-29T23:59:59Z"))).toBe("2024-Feb-29 23:59:59");
  });

  it("uses every English month abbreviation", () => {
    const months = Array.from({ length: 12 }, (_, m) => formatTimestamp(new Date(Date.UTC(2022, m, 10, 10))).slice(5, 8));
    expect(months).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  });

  it("shows - for an empty value", () => {
    expect(formatTimestamp(null)).toBe("-");
    expect(formatTimestamp(undefined)).toBe("-");
    expect(formatTimestamp("")).toBe("-");
    expect(formatDate(null)).toBe("-");
  });

  it("formats dates alone as YYYY-Mon-DD", () => {
    expect(formatDate(new Date("2021-01-19T10:00:00Z"))).toBe("2021-Jan-19");
    expect(formatDate(new Date("2021-01-19T02:00:00Z"), "America/Los_Angeles")).toBe("2021-Jan-18");
  });
});

describe("S-0 relative expiry", () => {
  const now = new Date("2024-03-10T12:00:00Z");

  it("shows (in N days) with N rounded up", () => {
    expect(relativeExpiry(new Date(now.getTime() + 24 * DAY), now)).toBe("(in 24 days)");
    expect(relativeExpiry(new Date(now.getTime() + 23.5 * DAY), now)).toBe("(in 24 days)");
    expect(relativeExpiry(new Date(now.getTime() + 23 * DAY + 1), now)).toBe("(in 24 days)");
    expect(relativeExpiry(new Date(now.getTime() + 2 * DAY), now)).toBe("(in 2 days)");
    expect(relativeExpiry(new Date(now.getTime() + 365 * DAY).toISOString(), now)).toBe("(in 365 days)");
  });

  it("rounds a few milliseconds up to one day", () => {
    expect(relativeExpiry(new Date(now.getTime() + 1), now)).toMatch(/^\(in 1 days\)$/);
    expect(relativeExpiry(new Date(now.getTime() + DAY), now)).toMatch(/^\(in 1 days\)$/);
  });

  it("shows Expired when t <= now", () => {
    expect(relativeExpiry(now, now)).toBe("Expired");
    expect(relativeExpiry(new Date(now.getTime() - 1), now)).toBe("Expired");
    expect(relativeExpiry(new Date(now.getTime() - 30 * DAY), now)).toBe("Expired");
  });
});

describe("S-0 numbers and tables", () => {
  it("formats balances with a leading + for positive numbers", () => {
    expect(formatBalance(1)).toBe("+1");
    expect(formatBalance(42)).toBe("+42");
    expect(formatBalance(0)).toBe("0");
    expect(formatBalance(-1)).toBe("-1");
    expect(formatBalance(-17)).toBe("-17");
  });

  it("formats uses as {used} of {max}, or the count alone without a maximum", () => {
    expect(formatUses(1, 100)).toBe("1 of 100");
    expect(formatUses(0, 5)).toBe("0 of 5");
    expect(formatUses(3, null)).toBe("3");
    expect(formatUses(7, undefined)).toBe("7");
  });

  it("summarizes pages", () => {
    expect(pageSummary(1, 3, 25)).toBe("Showing Page 1 of 3 (25 Records)");
    expect(pageSummary(3, 3, 25)).toBe("Showing Page 3 of 3 (25 Records)");
    expect(pageSummary(1, 0, 0)).toBe("Showing Page 1 of 1 (0 Records)");
  });

  it("shows - for empty scalars only", () => {
    expect(orDash(null)).toBe("-");
    expect(orDash(undefined)).toBe("-");
    expect(orDash("")).toBe("-");
    expect(orDash(0)).toBe("0");
    expect(orDash("x")).toBe("x");
  });
});
