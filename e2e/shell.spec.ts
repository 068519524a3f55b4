import { vaId } from "../lib/seed/demo/ids";
import { expect, loginAndOpen, loginAs, resetDemo, test } from "./fixtures";

test.beforeAll(async ({ request }) => resetDemo(request));

test.describe("[SHELL] S-2 / S-4 / S-6", () => {
  test("the CSSM shell: breadcrumb, title, tabs in order, each with its own URL @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/", "Eg-SA-01");
    await expect(page).toHaveURL(/\/inventory\/general$/);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Software Central > Smart Software Licensing");
    await expect(page.getByRole("heading", { level: 1, name: "Smart Software Licensing" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Smart Software Licensing" }).getByRole("link");
    await expect(tabs).toHaveText(["Alerts", "Inventory", "Convert to Smart Licensing", "Reports", "Preferences", "On-Prem Accounts", "Activity"]);
    await expect(page.getByRole("link", { name: "Inventory", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Virtual Account: Eg-VA-01 ▾" })).toBeVisible();
    await expect(page.getByTestId("s6-alert-counters")).toContainText("Major");
    await expect(page.getByRole("button", { name: "Hide Alerts" })).toBeVisible();
    const sub = page.getByRole("navigation", { name: "Inventory" }).getByRole("link");
    await expect(sub).toHaveText(["General", "Licenses", "Product Instances", "Event Log"]);

    await page.getByRole("link", { name: "Activity", exact: true }).click();
    await expect(page).toHaveURL(/\/activity\/license-transactions$/);
    await page.getByRole("link", { name: "Convert to Smart Licensing" }).click();
    await expect(page).toHaveURL(/\/convert\/paks$/);
    await expect(page.getByRole("table", { name: "PAKs" })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/activity\/license-transactions$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/inventory\/general$/);
  });

  test("the VA selector switches the inventory to another VA and keeps it across sub-tabs", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/inventory/general", "Eg-SA-01");
    await page.getByTestId("s6-va-selector").click();
    await page.getByLabel("Search Virtual Accounts").fill("krak");
    await expect(page.getByRole("listbox", { name: "Virtual Accounts" }).getByRole("option")).toHaveCount(1);
    await page.getByRole("option", { name: /Krakow LAN-SW/ }).click();
    await expect(page.getByRole("button", { name: "Virtual Account: Krakow LAN-SW ▾" })).toBeVisible();
    await expect(page.getByTestId("s7-name")).toHaveText("Krakow LAN-SW");
    await page.getByRole("link", { name: "Event Log", exact: true }).click();
    await expect(page).toHaveURL(/\/inventory\/event-log\?va=/);
    await expect(page.getByRole("button", { name: "Virtual Account: Krakow LAN-SW ▾" })).toBeVisible();
  });

  test("the Smart Account selector switches accounts and reloads with the new default VA", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/inventory/general", "Eg-SA-01");
    await page.getByRole("button", { name: "Smart Account: Eg-SA-01" }).click();
    await page.getByLabel("Search Smart Accounts").fill("bu prod");
    await page.getByRole("option", { name: /BU Production Test/ }).click();
    await expect(page.getByRole("button", { name: "Smart Account: BU Production Test" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Virtual Account: DEFAULT ▾" })).toBeVisible();
  });

  test("Hide Alerts collapses the panel and is remembered", async ({ page }) => {
    await loginAndOpen(page, "va.user@example.com", "/inventory/general");
    await expect(page.getByTestId("s6-alert-panel")).toBeVisible();
    await page.getByRole("button", { name: "Hide Alerts" }).click();
    await expect(page.getByTestId("s6-alert-panel")).toBeHidden();
    await expect(page.getByRole("button", { name: "Hidden" })).toBeVisible();
    await page.waitForTimeout(300);
    await page.reload();
    await expect(page.getByRole("button", { name: "Hidden" })).toBeVisible();
    await page.getByRole("button", { name: "Hidden" }).click();
    await expect(page.getByTestId("s6-alert-panel")).toBeVisible();
  });

  test("header links, workspace switcher and Software Central", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/inventory/general");
    await page.getByRole("button", { name: "Help" }).click();
    await expect(page.getByRole("dialog", { name: "Help" })).toBeVisible();
    await page.getByRole("button", { name: "Close" }).first().click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await page.getByTestId("s2-workspace-switcher").click();
    await page.getByRole("menuitem", { name: "Traditional Licensing" }).click();
    await expect(page).toHaveURL(/\/traditional$/);
    await expect(page.getByRole("heading", { name: "Product License Registration", exact: true })).toBeVisible();
    await page.getByTestId("s2-brand").click();
    await expect(page).toHaveURL(/\/central$/);
    await page.getByRole("link", { name: "License Utility" }).click();
    await expect(page.getByRole("heading", { name: "Smart License Utility", exact: true })).toBeVisible();
  });

  test("unknown routes answer with the not-found page", async ({ page }) => {
    await loginAs(page, "viewer@example.com");
    const res = await page.goto("/no/such/page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("[ACCESS] another Smart Account's data is not found", () => {
  test("bu.admin opening an Eg-SA-01 URL gets not-found @smoke", async ({ page }) => {
    await loginAs(page, "bu.admin@example.com");
    const res = await page.goto(`/inventory/general?va=${vaId("Eg-SA-01", "Eg-VA-01")}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const api = await page.request.get(`/api/ui/events?scope=va&id=${vaId("Eg-SA-01", "Eg-VA-01")}`);
    expect(api.status()).toBe(404);
  });

  test("a VA user cannot open a VA of their account that they were not given", async ({ page }) => {
    await loginAs(page, "va.user@example.com");
    const res = await page.goto(`/inventory/event-log?va=${vaId("Eg-SA-01", "Eg-VA-02")}`);
    expect(res?.status()).toBe(404);
  });

  test("only Licensing Operations sees /ops", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    const res = await page.goto("/ops/smart-accounts");
    expect(res?.status()).toBe(404);
  });
});
