import fs from "node:fs";
import type { Page } from "@playwright/test";
import { uuidv5 } from "../lib/ids";
import { vaId } from "../lib/seed/demo/ids";
import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

test.beforeEach(async ({ request }) => resetDemo(request));

const VA01 = vaId("Eg-SA-01", "Eg-VA-01");
const VA02 = vaId("Eg-SA-01", "Eg-VA-02");
const KRAKOW = vaId("Eg-SA-01", "Krakow LAN-SW");
/** DD-4 license ids (lib/seed/reference licenseId), by short tag. */
const APPX = uuidv5("license-definition:ISR_1100_8P_Application");
const TIER0 = uuidv5("license-definition:ESR_P_10M_A");
const DNA_ADV = uuidv5("license-definition:C9500-DNA-32QC-A");
const HSEC = uuidv5("license-definition:DNA_HSEC");

const row = (page: Page, license: string) => page.getByTestId(`s9-row-${license}`);
const balance = (page: Page, license: string) => row(page, license).getByTestId("s9-balance");

async function openLicenses(page: Page, email: string, va: string) {
  await loginAndOpen(page, email, `/inventory/licenses?va=${va}`, "Eg-SA-01");
  await expect(page.getByTestId("s9-footer")).toBeVisible();
}

test.describe("[LICENSES] S-9 … S-12, S-31", () => {
  test("the Licenses table of Eg-VA-01: balances, alerts, expanders and search", async ({ page }) => {
    await openLicenses(page, "admin@example.com", VA01);
    const table = page.getByRole("table", { name: "Licenses" });
    await expect(table.getByRole("columnheader")).toHaveText(["Select all licenses", "License", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Alerts", "Actions"].map((h) => (h === "Select all licenses" ? "" : h)));
    await expect(page.getByTestId("s9-footer")).toHaveText("Showing All 22 Records");
    await expect(balance(page, APPX)).toHaveText("-1");
    await expect(row(page, APPX)).toContainText("Insufficient Licenses");
    await expect(balance(page, TIER0)).toHaveText("+4");
    await expect(row(page, TIER0)).toContainText("Prepaid");
    await expect(balance(page, HSEC)).toHaveText("+1");
    await expect(row(page, HSEC).getByRole("cell").nth(5)).toHaveText("-");

    // `Show License Transactions`: a `+` per row lists the lots with the Order columns.
    await page.getByLabel("Show License Transactions").check();
    await row(page, APPX).getByRole("button", { name: "License transactions of Cisco 1100 Series with 8 LAN Ports, AppX License" }).click();
    const lots = page.getByRole("table", { name: "Order lots of Cisco 1100 Series with 8 LAN Ports, AppX License" });
    await expect(lots.getByRole("columnheader")).toHaveText(["Order Number", "SKU", "Quantity", "Start Date", "Expiration Date", "Subscription Id"]);
    await expect(lots).toContainText("107310021");
    await expect(lots).toContainText("C1111-8P-APPX");

    // `Export to CSV` (F-17): BOM, on-screen header, `{Screen}_{SA}_{stamp}.csv`.
    await page.getByTestId("s9-available-actions").click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Export to CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("Licenses_Eg-SA-01_20240310T120000.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFLicense,Billing,Purchased,In Use,Substitution,Balance,Alerts\r\n")).toBe(true);
    expect(csv).toContain('"Cisco 1100 Series with 8 LAN Ports, AppX License",Prepaid,1,2,-,-1,Insufficient Licenses');

    await page.getByLabel("Search by License").fill("tier 0");
    await expect(page.getByTestId("s9-footer")).toHaveText("Showing All 2 Records");
    await page.getByLabel("Search by License").fill("no such license");
    await expect(table).toContainText("No Records Found");
  });

  test("the detail dialog opens from its URL and switches tabs in the URL", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", `/inventory/licenses?va=${KRAKOW}&license=${DNA_ADV}&ltab=order-history`, "Eg-SA-01");
    const dialog = page.getByRole("dialog", { name: "C9500-32QC DNA Advantage" });
    await expect(dialog.getByTestId("s10-entitlement-tag")).toHaveText(/C9500-DNA-32QC-A/);
    await expect(dialog.getByRole("tab", { name: "Order History" })).toHaveAttribute("aria-selected", "true");
    await expect(dialog.getByRole("table", { name: "Order History" })).toContainText("Krakow LAN-SW");
    await dialog.getByRole("tab", { name: "Overview" }).click();
    await expect(page).toHaveURL(/ltab=overview/);
    await expect(dialog).toContainText("Not Enforced");
    await expect(dialog.getByRole("table", { name: "License Expiration" })).toContainText("Subscription");
    await dialog.getByRole("tab", { name: "Product Instances" }).click();
    await expect(dialog.getByRole("table", { name: "Product Instances" })).toContainText("Krakow LAN-SW");
    await dialog.getByRole("tab", { name: "Event Log" }).click();
    await expect(page).toHaveURL(/ltab=event-log/);
    await expect(dialog.getByRole("table", { name: "Event Log" })).toContainText("were added from order");
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await expect(page).not.toHaveURL(/license=/);
  });

  test("transfer 2 × C9500-32QC DNA Advantage to Krakow through the dialog @smoke", async ({ page }) => {
    await openLicenses(page, "admin@example.com", VA02);
    await expect(balance(page, DNA_ADV)).toHaveText("+2");
    await expect(row(page, HSEC).getByRole("cell").nth(3)).toHaveText("1 (+ 1 pending)");
    await row(page, HSEC).getByRole("button", { name: "Upgrade Pending" }).click();
    await expect(page.getByRole("dialog", { name: "Upgrade Licenses" })).toContainText("Available: 1");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Actions for C9500-32QC DNA Advantage" }).click();
    await page.getByRole("menuitem", { name: "Transfer...", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Transfer Licenses" });
    await expect(dialog.getByRole("row", { name: /C9500-32QC DNA Advantage/ })).toContainText("2");
    await dialog.getByLabel("Transfer To:").selectOption({ label: "Krakow LAN-SW" });
    const qty = dialog.getByLabel("Quantity to Transfer of C9500-32QC DNA Advantage");
    await qty.fill("5");
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(dialog.getByRole("alert")).toHaveText('Only 2 "C9500-32QC DNA Advantage" licenses are available to transfer.');
    await qty.fill("0");
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Enter a quantity of at least 1.");
    await qty.fill("2");
    await dialog.getByLabel("Memo").fill("Krakow fix");
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("2 license(s) transferred to Krakow LAN-SW.")).toBeVisible();
    await expect(balance(page, DNA_ADV)).toHaveText("0");

    await page.goto(`/inventory/licenses?va=${KRAKOW}`);
    await expect(balance(page, DNA_ADV)).toHaveText("+1");
    await expect(row(page, DNA_ADV)).not.toContainText("Insufficient Licenses");
    await page.getByLabel("Show License Transactions").check();
    await row(page, DNA_ADV).getByRole("button", { name: /License transactions of/ }).click();
    const lots = page.getByRole("table", { name: "Transfer lots of C9500-32QC DNA Advantage" });
    await expect(lots).toContainText("Eg-VA-02");
    await expect(lots).toContainText("Krakow fix");

    // S-31 lists both ledger rows of the transfer.
    await page.goto("/activity/license-transactions");
    const ledger = page.getByRole("table", { name: "License Transactions" });
    await expect(ledger.getByRole("row").nth(1)).toContainText("C9500-32QC DNA Advantage");
    await expect(ledger).toContainText("To Krakow LAN-SW");
    await expect(ledger).toContainText("From Eg-VA-02");
    await page.getByLabel("Transaction Type").selectOption({ label: "Transfer Out" });
    await page.getByTestId("s31-filter").click();
    await expect(ledger.getByRole("row")).toHaveCount(2);
    await expect(ledger.getByRole("row").nth(1)).toContainText("-2");
    await expect(ledger.getByRole("row").nth(1)).toContainText("eg-admin");
    const downloading = page.waitForEvent("download");
    await page.getByTestId("s31-export-to-csv").click();
    const csv = fs.readFileSync((await (await downloading).path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFFDate,Transaction,License,SKU,Quantity,Virtual Account,Reference,User");
    expect(csv).toContain("Transfer Out,C9500-32QC DNA Advantage,C9500-DNA-32QC-A,-2,Eg-VA-02,To Krakow LAN-SW,eg-admin");
  });

  test("a Smart Account Viewer sees no Transfer... and no Manage License Tags", async ({ page }) => {
    await openLicenses(page, "viewer@example.com", VA01);
    await expect(page.getByRole("button", { name: "Manage License Tags" })).toHaveCount(0);
    await page.getByRole("button", { name: "Actions for Cisco 1100 Series with 8 LAN Ports, AppX License" }).click();
    await expect(page.getByRole("menuitem", { name: "View Details" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Transfer..." })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await page.getByTestId("s9-available-actions").click();
    await expect(page.getByRole("menuitem", { name: "Export to CSV" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Transfer..." })).toHaveCount(0);
  });

  test("tags: create one, assign it and see the By Tag view", async ({ page }) => {
    await openLicenses(page, "admin@example.com", VA01);
    await page.getByRole("button", { name: "Manage License Tags" }).click();
    const dialog = page.getByRole("dialog", { name: "Manage License Tags" });
    await dialog.getByLabel("Tag name").fill("Branch");
    await dialog.getByRole("button", { name: "New Tag" }).click();
    await expect(dialog.getByRole("button", { name: "Branch", exact: true })).toBeVisible();
    await dialog.getByLabel("Cisco 1100 Series with 8 LAN Ports, AppX License").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText('License tag "Branch" was saved.')).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await page.getByRole("radio", { name: "By Tag" }).click();
    const table = page.getByRole("table", { name: "Licenses" });
    await expect(table.getByRole("rowheader")).toHaveText(["Branch", "Untagged"]);
    await page.getByLabel("Search by License").fill("branch");
    await expect(page.getByTestId("s9-footer")).toHaveText("Showing 1 Record");
  });
});
