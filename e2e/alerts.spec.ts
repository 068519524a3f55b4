import { expect, loginAndOpen, T0, test } from "./fixtures";

/** DD-14 at T0 (the reset recomputes every Smart Account): 12 Major and 4 Minor in Eg-SA-01. */
const DD14_COUNTERS: Record<string, string> = {
  "Eg-VA-01": "6 Major 2 Minor",
  "Eg-VA-02": "0 Major 0 Minor",
  "Krakow LAN-SW": "2 Major 0 Minor",
  "Branch-Routers": "2 Major 0 Minor",
  "MSLA-Utility": "0 Major 1 Minor",
  "OnPrem-Campus": "0 Major 0 Minor",
  "CORE TAC": "0 Major 0 Minor",
  "Lab-01": "0 Major 0 Minor",
};

// A-25 reset at the pinned T0; the reset also recomputes the alerts, which may take a while on a
// freshly started server, hence the longer request timeout.
test.beforeAll(async ({ request }) => {
  expect((await request.post("/api/test/clock", { data: { now: T0 } })).ok()).toBeTruthy();
  expect((await request.post("/api/test/reset", { data: { seed: "demo" }, timeout: 90_000 })).ok()).toBeTruthy();
});

test.describe("[ALERTS] S-5 Alerts and S-29 Preferences", () => {
  test("the Alerts tab shows the DD-14 alerts of Eg-SA-01 @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/alerts", "Eg-SA-01");
    const alerts = page.getByRole("region", { name: "Alerts" });
    await expect(alerts.getByTestId("s5-major-count")).toHaveText("12 Major");
    await expect(alerts.getByTestId("s5-minor-count")).toHaveText("4 Minor");
    await expect(alerts.getByRole("columnheader")).toHaveText(["Sev", "Message", "Source", "Action Due", "Actions"]);
    await expect(alerts.getByRole("status")).toHaveText("Showing Page 1 of 2 (16 Records)");
    await alerts.getByLabel("Page size").selectOption("25");
    const rows = alerts.getByTestId("s5-alert-row");
    await expect(rows).toHaveCount(16);
    await expect(rows.nth(0).locator("td").nth(3)).toHaveText("Immediately");
    await expect(rows.nth(0).locator("td").nth(0)).toContainText("Major");
    await expect(rows.nth(15).locator("td").nth(0)).toContainText("Minor");
    const labels = (await rows.locator("td:nth-child(2) a").allInnerTexts()).sort();
    expect(labels).toEqual(
      [
        "Authorization Pending",
        "Insufficient Licenses",
        "Insufficient Licenses",
        "Insufficient Licenses",
        "Insufficient Licenses",
        "Licenses Expired",
        "Licenses Expiring",
        "Licenses Expiring",
        "Licenses Expiring",
        "On-Prem Account Expired",
        "Product Instance Failed to Connect",
        "Reporting Due Soon",
        "Reporting Overdue",
        "Reporting Overdue",
        "Synchronization Overdue",
        "Synchronization Overdue",
      ].sort(),
    );
    const krakow = rows.filter({ hasText: 'The virtual account "Krakow LAN-SW" is using 1 more "C9500-32QC DNA Advantage" licenses than it holds.' });
    await expect(krakow.getByRole("link", { name: "Krakow LAN-SW" })).toBeVisible();
    const satellite = rows.filter({ hasText: 'On-Prem "Satellite-EU" has not synchronized for 90 days.' });
    await expect(satellite.locator("td").nth(2)).toHaveText("Eg-SA-01");
    await expect(satellite.locator("td").nth(3)).toHaveText("-");
  });

  test("the S-6 VA selector counts each VA's alerts and View All opens the Alerts tab for that VA", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/inventory/general", "Eg-SA-01");
    await expect(page.getByTestId("s6-alert-counters")).toContainText("6 Major");
    await expect(page.getByTestId("s6-alert-panel").locator("tbody tr").first()).toContainText("Immediately");
    await page.getByTestId("s6-va-selector").click();
    for (const [va, counters] of Object.entries(DD14_COUNTERS)) {
      await expect(page.getByRole("option", { name: new RegExp(va) })).toContainText(counters);
    }
    await page.keyboard.press("Escape");
    await page.getByTestId("s6-alert-panel").getByRole("link", { name: "View All" }).click();
    await expect(page).toHaveURL(/\/alerts\?va=/);
    const alerts = page.getByRole("region", { name: "Alerts" });
    await expect(alerts.getByLabel("Virtual Account")).toHaveValue(/.+/);
    await expect(alerts.getByLabel("Virtual Account").locator("option:checked")).toHaveText("Eg-VA-01");
    await expect(alerts.getByRole("status")).toHaveText("Showing Page 1 of 1 (8 Records)");
  });

  test("severity toggles, the VA filter and the message search narrow the list", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/alerts", "Eg-SA-01");
    const alerts = page.getByRole("region", { name: "Alerts" });
    const status = alerts.getByRole("status");
    await expect(status).toHaveText("Showing Page 1 of 2 (16 Records)");
    await alerts.getByRole("button", { name: "Major", exact: true }).click();
    await expect(alerts.getByRole("button", { name: "Major", exact: true })).toHaveAttribute("aria-pressed", "false");
    await expect(status).toHaveText("Showing Page 1 of 1 (4 Records)");
    await alerts.getByRole("button", { name: "Major", exact: true }).click();
    await alerts.getByLabel("Virtual Account").selectOption({ label: "Krakow LAN-SW" });
    await expect(status).toHaveText("Showing Page 1 of 1 (2 Records)");
    await alerts.getByLabel("Virtual Account").selectOption({ label: "All Virtual Accounts" });
    await alerts.getByLabel("Search by Message").fill("br-rtr-01");
    await alerts.getByLabel("Search by Message").press("Enter");
    await expect(status).toHaveText("Showing Page 1 of 1 (1 Records)");
    await expect(alerts.getByTestId("s5-alert-row")).toContainText('A usage report from "br-rtr-01" was due on 2024-Mar-05.');
    await alerts.getByLabel("Search by Message").fill("nothing says this");
    await alerts.getByLabel("Search by Message").press("Enter");
    await expect(alerts.getByText("No Records Found")).toBeVisible();
  });

  test("a Minor alert can be dismissed and then shows only with Show dismissed alerts; Major alerts offer no Dismiss", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/alerts", "Eg-SA-01");
    const alerts = page.getByRole("region", { name: "Alerts" });
    const rows = alerts.getByTestId("s5-alert-row");
    await rows.filter({ hasText: "Insufficient Licenses" }).first().getByRole("button", { name: "Actions" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Transfer Licenses..."]);
    await page.keyboard.press("Escape");

    await alerts.getByLabel("Virtual Account").selectOption({ label: "MSLA-Utility" });
    await expect(alerts.getByRole("status")).toHaveText("Showing Page 1 of 1 (1 Records)");
    await expect(rows).toContainText("Reporting Due Soon");
    await rows.first().getByRole("button", { name: "Actions" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Dismiss", "View Product Instance"]);
    await page.getByRole("menuitem", { name: "Dismiss" }).click();
    await expect(alerts.getByText("No Records Found")).toBeVisible();
    await expect(alerts.getByTestId("s5-minor-count")).toHaveText("3 Minor");
    await alerts.getByLabel("Show dismissed alerts").check();
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("(Dismissed)");
    await rows.first().getByRole("button", { name: "Actions" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["View Product Instance"]);
  });

  test("Preferences saves e-mail choices and the time zone", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/preferences", "Eg-SA-01");
    await expect(page.getByRole("heading", { name: "Email Notifications" })).toBeVisible();
    await expect(page.getByRole("columnheader")).toHaveText(["Event", "Email", "Include in Daily Summary"]);
    await expect(page.locator("tbody tr td:first-child")).toHaveText([
      "Insufficient Licenses",
      "Licenses Expiring",
      "Licenses Expired",
      "Product Instance Failed to Connect",
      "Reporting Overdue",
      "Authorization Pending",
      "Synchronization Overdue",
      "New Licenses",
      "Licenses Reserved",
    ]);
    await expect(page.getByLabel("All Virtual Accounts")).toBeChecked();
    await page.getByLabel("Insufficient Licenses Email").check();
    await page.getByLabel("Licenses Expiring Include in Daily Summary").check();
    await page.getByLabel("Time Zone").selectOption("Europe/Warsaw");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Preferences saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Insufficient Licenses Email")).toBeChecked();
    await expect(page.getByLabel("Licenses Expiring Include in Daily Summary")).toBeChecked();
    await expect(page.getByLabel("Licenses Expired Email")).not.toBeChecked();
    await expect(page.getByLabel("Time Zone")).toHaveValue("Europe/Warsaw");
  });
});
