import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";

/** Inventory as a license administrator does it: tokens, a license transfer, an instance found by serial, the event log. */
const inventory: Tour = {
  name: "inventory",
  title: "Inventory: tokens, transfers, instances and the event log",
  description: "create and download a token, transfer licenses and watch balances change, find an instance by serial, read the event log",
  order: 20,
  async run({ page, shot, loginAs, hooks }) {
    await loginAs("admin@example.com");
    await page.goto("/select-account");
    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");
    await expect(page.getByRole("heading", { name: "Product Instance Registration Tokens" })).toBeVisible();
    await shot("Inventory › General of Eg-VA-01: the virtual account and its registration tokens");

    await page.getByRole("button", { name: "New Token..." }).click();
    const create = page.getByRole("dialog", { name: "Create Registration Token" });
    await create.getByLabel("Description :").fill("Branch rollout");
    await create.getByLabel("Max. Number of Uses:").fill("25");
    await shot("Create Registration Token: 30 days, at most 25 devices");
    await create.getByRole("button", { name: "Create Token" }).click();
    const token = page.getByRole("dialog", { name: "Token" });
    await expect(token).toBeVisible();
    await shot("The new token, selected and ready to copy or download");
    const download = page.waitForEvent("download");
    await token.getByRole("button", { name: "Download" }).click();
    await download;
    await token.getByTestId("s8-close").click();
    await shot("The token table now lists the new token with 0 of 25 uses");

    await page.getByRole("navigation", { name: "Inventory" }).getByRole("link", { name: "Licenses" }).click();
    await page.waitForURL("**/inventory/licenses**");
    await expect(page.getByRole("table", { name: "Licenses" })).toBeVisible();
    await page.getByTestId("s6-va-selector").click();
    await page.getByRole("option", { name: /Eg-VA-02/ }).click();
    await expect(page.getByRole("button", { name: "Virtual Account: Eg-VA-02 ▾" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Actions for C9500-32QC DNA Advantage" })).toBeVisible();
    await shot("Licenses of Eg-VA-02: two spare C9500-32QC DNA Advantage licenses");
    await page.getByRole("button", { name: "Actions for C9500-32QC DNA Advantage" }).click();
    await page.getByRole("menuitem", { name: "Transfer...", exact: true }).click();
    const transfer = page.getByRole("dialog", { name: "Transfer Licenses" });
    await transfer.getByLabel("Transfer To:").selectOption({ label: "Krakow LAN-SW" });
    await transfer.getByLabel("Quantity to Transfer of C9500-32QC DNA Advantage").fill("2");
    await transfer.getByLabel("Memo").fill("Cover the Krakow shortage");
    await shot("Transfer Licenses: 2 licenses to Krakow LAN-SW, which is one short");
    await transfer.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(page.getByText("2 license(s) transferred to Krakow LAN-SW.")).toBeVisible();
    await shot("Eg-VA-02's balance drops to 0");
    // Demo instances run jobs on request, so the alert recompute the transfer queued runs now.
    await hooks.runJobs();

    await page.getByTestId("s6-va-selector").click();
    await page.getByRole("option", { name: /Krakow LAN-SW/ }).click();
    await expect(page.getByRole("button", { name: "Virtual Account: Krakow LAN-SW ▾" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Actions for C9500-32QC DNA Advantage" })).toBeVisible();
    await expect(page.getByTestId("s6-alert-counters")).toContainText("1 Major");
    await shot("Krakow LAN-SW now holds one more than it uses: the Insufficient Licenses alert has cleared");

    await page.getByTestId("s6-va-selector").click();
    await page.getByRole("option", { name: /Eg-VA-01/ }).click();
    await expect(page.getByRole("button", { name: "Virtual Account: Eg-VA-01 ▾" })).toBeVisible();
    await page.getByRole("navigation", { name: "Inventory" }).getByRole("link", { name: "Product Instances" }).click();
    await page.waitForURL("**/inventory/product-instances**");
    const search = page.getByLabel("Search by Device or by Product Type");
    if (await search.count()) {
      await search.fill("FDO2228");
      await search.press("Enter");
      await shot("Product Instances: searching by part of a serial number");
      const link = page.getByRole("link", { name: /FDO222815Y4/ });
      if (await link.count()) {
        await link.first().click();
        await shot("The instance's detail: general data, license usage and authorizations");
      }
    }

    await page.goto("/activity/event-log");
    await shot("Activity › Event Log: the token, the transfer and everything else, newest first");
  },
};

export default inventory;
