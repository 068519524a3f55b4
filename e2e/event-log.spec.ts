import fs from "node:fs";
import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

test.beforeAll(async ({ request }) => resetDemo(request));

test.describe("[EVENTS] S-20 Inventory › Event Log", () => {
  test("lists the VA's events newest first with pagination @smoke", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/event-log");
    const log = page.getByRole("region", { name: "Event Log" });
    await expect(log.getByRole("columnheader")).toHaveText(["Message", "Time", "User"]);
    const status = log.getByRole("status");
    await expect(status).toHaveText(/^Showing Page 1 of \d+ \(\d+ Records\)$/);
    const total = Number(/\((\d+) Records\)/.exec((await status.textContent()) ?? "")![1]);
    expect(total).toBeGreaterThan(25);
    await expect(log.getByRole("row")).toHaveCount(11);
    const times = await log.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(times[0]).toMatch(/^\d{4}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const asDates = times.map((t) => Date.parse(t.replace(/^(\d{4})-(\w{3})-(\d{2}) /, "$2 $3 $1 ") + " UTC"));
    expect([...asDates].sort((a, b) => b - a)).toEqual(asDates);

    await log.getByRole("button", { name: "Next page" }).click();
    await expect(status).toHaveText(new RegExp(`^Showing Page 2 of \\d+ \\(${total} Records\\)$`));
    await log.getByLabel("Page size").selectOption("25");
    await expect(status).toHaveText(new RegExp(`^Showing Page 1 of ${Math.ceil(total / 25)} \\(${total} Records\\)$`));
    await expect(log.getByRole("row")).toHaveCount(26);
  });

  test("the type filter and the message search narrow the list; System is the user of system events", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/inventory/event-log", "Eg-SA-01");
    const log = page.getByRole("region", { name: "Event Log" });
    const options = await log.getByLabel("Event Type").locator("option").allInnerTexts();
    expect(options).toEqual([
      "All Events",
      "Accounts & Users",
      "Tokens",
      "Licenses & Transfers",
      "Product Instances",
      "Usage Reporting",
      "Authorizations & Reservations",
      "Conversion",
      "On-Prem & CSLU",
      "System",
    ]);
    await log.getByLabel("Event Type").selectOption("Licenses & Transfers");
    await log.getByRole("button", { name: "Filter" }).click();
    await expect(log.getByRole("table")).toHaveAttribute("aria-busy", "false");
    await expect(log.locator("tbody tr").first()).toContainText("license(s)");
    const messages = await log.locator("tbody tr td:first-child").allInnerTexts();
    for (const m of messages) expect(m).toMatch(/license\(s\)/);

    await log.getByLabel("Event Type").selectOption("");
    await log.getByRole("button", { name: "Filter" }).click();
    await log.getByLabel("Search by Message").fill("br-rtr-01");
    await log.getByLabel("Search by Message").press("Enter");
    await expect(log.locator("tbody tr").first()).toContainText("br-rtr-01");
    await expect(log.locator("tbody tr td:nth-child(3)").first()).toHaveText("System");

    await log.getByLabel("Search by Message").fill("no event says this");
    await log.getByLabel("Search by Message").press("Enter");
    await expect(log.getByText("No Records Found")).toBeVisible();
  });

  test("Export to CSV downloads every matching event (F-17)", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/event-log");
    const log = page.getByRole("region", { name: "Event Log" });
    const total = Number(/\((\d+) Records\)/.exec((await log.getByRole("status").textContent()) ?? "")![1]);
    const download = page.waitForEvent("download");
    await log.getByRole("link", { name: "Export to CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^EventLog_Eg-SA-01_\d{8}T\d{6}\.csv$/);
    const text = fs.readFileSync((await file.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Message,Time,User");
    expect(lines.length).toBe(total + 1);
  });
});

test.describe("[EVENTS] S-32 Activity › Event Log", () => {
  test("covers SA-level events and filters by Virtual Account", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/activity/event-log", "Eg-SA-01");
    const log = page.getByRole("region", { name: "Event Log" });
    await log.getByLabel("Event Type").selectOption("Accounts & Users");
    await log.getByRole("button", { name: "Filter" }).click();
    await log.getByLabel("Search by Message").fill("Smart Account Administrator");
    await log.getByLabel("Search by Message").press("Enter");
    await expect(log.getByText("eg-admin was given the role Smart Account Administrator.")).toBeVisible();
    await log.getByLabel("Event Type").selectOption("");
    await log.getByLabel("Virtual Account").selectOption({ label: "Krakow LAN-SW" });
    await log.getByRole("button", { name: "Filter" }).click();
    await expect(log.locator("tbody tr").first()).toBeVisible();
    await expect(log.getByRole("status")).toHaveText(/Records\)$/);
  });
});
