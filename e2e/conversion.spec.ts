import type { Page } from "@playwright/test";
import { uuidv5 } from "../lib/ids";
import { vaId } from "../lib/seed/demo/ids";
import { chooseSmartAccount, expect, loginAndOpen, loginAs, resetDemo, test } from "./fixtures";
import { saveDlcUsageFile, uploadUsageFile } from "./steps/usage";

test.beforeEach(async ({ request }) => resetDemo(request));

const VA01 = vaId("Eg-SA-01", "Eg-VA-01");
const VA02 = vaId("Eg-SA-01", "Eg-VA-02");
const CORE_TAC = vaId("Eg-SA-01", "CORE TAC");
/** DD-4 license ids (lib/seed/reference licenseId), by short tag. */
const ISE_BASE = uuidv5("license-definition:ISE_BASE");
const CSR_SEC = uuidv5("license-definition:sec_5G");
const DNA_HSEC = uuidv5("license-definition:DNA_HSEC");
const ISR1100_HSEC = uuidv5("license-definition:ISR_1100_8P_Hsec");

const licenseRow = (page: Page, license: string) => page.getByTestId(`s9-row-${license}`);
const balance = (page: Page, license: string) => licenseRow(page, license).getByTestId("s9-balance");

test.describe("[CONVERT] S-21 … S-24, S-14", () => {
  test("convert 10 of the 25 ISE Base licenses of PAK 4XR2K7PQ19B into CORE TAC and see its Licenses tab change @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/convert/paks", "Eg-SA-01");
    await expect(page.getByRole("heading", { name: "License Conversion" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "License Conversion" }).getByRole("link")).toHaveText([
      "Convert PAKs",
      "Convert Licenses",
      "Conversion History",
      "Event Log",
    ]);
    await expect(page.getByTestId("s21-last-updated")).toHaveText("Last Updated : 2024-Mar-10 12:00:00");
    const table = page.getByRole("table", { name: "PAKs" });
    await expect(table.getByRole("columnheader")).toHaveText(["PAK", "SKUs", "Order Number", "Order Date", "Virtual Account", "Status", "Actions"]);
    const row = page.getByTestId("s21-row-4XR2K7PQ19B");
    await expect(row).toContainText("C1-ISE-BASE-T (25)");
    await expect(row.getByTestId("s21-status")).toHaveText("UNFULFILLED");
    await expect(page.getByTestId("s21-row-2QW9E4R7T5Y").getByTestId("s21-status")).toHaveText("CONVERTED");
    await expect(page.getByTestId("s21-row-2QW9E4R7T5Y").getByRole("button", { name: "Convert to Smart Licenses" })).toHaveCount(0);

    await page.getByLabel("Search PAK, SKU, Virtual Account or Order Number").fill("core tac");
    await expect(page.getByTestId("s21-pagination")).toContainText("Showing Page 1 of 1 (2 Records)");

    await row.getByRole("button", { name: "Convert to Smart Licenses" }).click();
    const wizard = page.getByRole("dialog", { name: "Convert to Smart Software Licenses" });
    await expect(wizard.getByTestId("s21-stepper")).toHaveText(/1 Select Licenses.*2 Review and Confirm/);
    await expect(wizard.getByRole("region", { name: "PAK Details" })).toContainText("PAK Number:4XR2K7PQ19B");
    await expect(wizard.getByRole("region", { name: "PAK Details" })).toContainText("Partial Fulfillment:Allowed");
    await expect(wizard.getByLabel("Destination Virtual Account")).toHaveValue(CORE_TAC);
    const skus = wizard.getByRole("table", { name: "SKUs" });
    await expect(skus.getByRole("columnheader")).toHaveText(["SKU", "Licenses", "Expiration Date", "Available to Convert", "Quantity to Convert"]);
    await expect(skus).toContainText("ISE_BASE (ISE Base License) 1.0");
    const quantity = wizard.getByLabel("Quantity to Convert of C1-ISE-BASE-T");
    await quantity.fill("30");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByRole("alert")).toHaveText("Enter a quantity between 0 and 25.");
    await quantity.fill("10");
    await wizard.getByRole("button", { name: "Next" }).click();
    const review = wizard.getByRole("table", { name: "SKUs to Convert" });
    await expect(review.getByRole("row").nth(1).getByRole("cell")).toHaveText(["C1-ISE-BASE-T", "ISE_BASE (ISE Base License) 1.0", "Term", "2026-Jul-08", "25", "10"]);
    await wizard.getByRole("button", { name: "Convert Licenses" }).click();
    await expect(page.getByText("10 license(s) converted into CORE TAC.")).toBeVisible();
    await expect(wizard).toBeHidden();
    await expect(row.getByTestId("s21-status")).toHaveText("PARTIALLY CONVERTED");

    await page.goto(`/inventory/licenses?va=${CORE_TAC}`);
    await expect(balance(page, ISE_BASE)).toHaveText("+10");
    await expect(licenseRow(page, ISE_BASE).getByRole("cell").nth(3)).toHaveText("10");
    await page.getByLabel("Show License Transactions").check();
    await licenseRow(page, ISE_BASE).getByRole("button", { name: "License transactions of ISE_BASE" }).click();
    const lots = page.getByRole("table", { name: "PAK Conversion lots of ISE_BASE" });
    await expect(lots.getByRole("row").nth(1).getByRole("cell")).toHaveText(["4XR2K7PQ19B", "C1-ISE-BASE-T", "10", "2026-Jul-08"]);

    await page.goto("/convert/history");
    await expect(page.getByTestId("s23-row").first().getByRole("cell")).toHaveText(["PAK", "4XR2K7PQ19B", "Identity Services Engine", "Licenses Converted", "2024-Mar-10 12:00:00", ""]);
  });

  test("a Smart Account Viewer reads the PAKs but is offered no conversion", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/convert/paks");
    await expect(page.getByTestId("s21-row-4XR2K7PQ19B")).toBeVisible();
    await expect(page.getByRole("button", { name: "Convert to Smart Licenses" })).toHaveCount(0);
  });

  test("convert the CSR1000V device licenses in S-22, then read the history row, its detail and the event log", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/convert/licenses", "Eg-SA-01");
    const table = page.getByRole("table", { name: "Devices" });
    await expect(table.getByRole("columnheader")).toHaveText(["Device Identifier", "Product Family", "Eligible SKUs", "Virtual Account", "Actions"]);
    const row = page.getByTestId("s22-row-9QLBLATKXM4");
    await expect(row.getByRole("cell")).toHaveText(["UDI_PID:CSR1000V; UDI_SN:9QLBLATKXM4;", "Cloud Services Router", "L-CSR-5G-SEC=", "Eg-VA-01", "Convert to Smart Licensing"]);

    // The wizard from the intro link: STEP 1 checks the UDI (V-59) and finds only this account's devices.
    await page.getByRole("button", { name: "License Conversion Wizard" }).click();
    const wizard = page.getByRole("dialog", { name: "License Conversion Wizard" });
    await wizard.getByLabel("UDI PID").fill("bad pid!");
    await wizard.getByLabel("UDI Serial Number").fill("FHH1211P037");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByText("Enter a valid product ID.")).toBeVisible();
    await wizard.getByLabel("UDI PID").fill("CISCO2951");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByRole("alert")).toHaveText("No licenses of device CISCO2951:FHH1211P037 can be converted in this Smart Account.");
    await wizard.getByRole("button", { name: "Cancel" }).click();

    await row.getByRole("button", { name: "Convert to Smart Licensing" }).click();
    await expect(wizard.getByTestId("s22-stepper")).toHaveText(/✓ STEP 1 Device.*STEP 2 Licenses.*STEP 3 Review and Confirm/);
    await expect(wizard.getByRole("table", { name: "Licenses" }).getByRole("row").nth(1).getByRole("cell")).toHaveText(["L-CSR-5G-SEC=", "Perpetual", "-", "1", "01"]);
    await expect(wizard.getByLabel("Quantity to Convert of L-CSR-5G-SEC=")).toHaveValue("1");
    await expect(wizard.getByLabel("Destination Virtual Account")).toHaveValue(VA01);
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard).toContainText("Destination Virtual Account:Eg-VA-01");
    await wizard.getByRole("button", { name: "Convert Licenses" }).click();
    await expect(page.getByText("1 license(s) converted into Eg-VA-01.")).toBeVisible();
    await expect(page.getByTestId("s22-empty")).toHaveText("No Records FoundNo Records to Display");

    await page.getByRole("link", { name: "Conversion History" }).click();
    await expect(page).toHaveURL(/\/convert\/history$/);
    const first = page.getByTestId("s23-row").first();
    await expect(first.getByRole("cell")).toHaveText(["Device", "UDI_PID:CSR1000V; UDI_SN:9Q...", "Cloud Services Router", "Licenses Converted", "2024-Mar-10 12:00:00", "View Details"]);
    await page.getByLabel("Search by Device Identifier or Product Family").fill("cloud services");
    await expect(page.getByTestId("s23-pagination")).toContainText("(1 Records)");
    await first.getByRole("link", { name: "View Details" }).click();
    await expect(page).toHaveURL(/\/convert\/history\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("s23-title")).toHaveText("UDI_PID:CSR1000V; UDI_SN:9QLBLATKXM4;");
    await expect(page.getByTestId("s23-device-identifiers")).toHaveText("Device Identifiers: CSR1000V (UDI PID), 9QLBLATKXM4 (UDI Serial Number)");
    await expect(page.getByTestId("s23-virtual-account")).toHaveText("Virtual Account: Eg-VA-01");
    await expect(page.getByTestId("s23-initiated")).toHaveText("Conversion initiated 2024-Mar-10 12:00:00 by eg-admin");
    const lines = page.getByRole("table", { name: "Converted Licenses" });
    await expect(lines.getByRole("columnheader")).toHaveText(["SKU", "Product Family", "Quantity", "Type", "Conversion Status", "Smart License"]);
    await expect(lines.getByRole("row").nth(1).getByRole("cell")).toHaveText(["L-CSR-5G-SEC=", "Cloud Services Router", "1", "Perpetual", "Converted", "CSR 1KV SEC 5G"]);

    await page.getByRole("link", { name: "View Licenses" }).click();
    await expect(page).toHaveURL(new RegExp(`/inventory/licenses\\?va=${VA01}&licenses=${CSR_SEC}$`));
    await expect(page.getByTestId("s9-footer")).toHaveText("Showing 1 Record");
    await expect(balance(page, CSR_SEC)).toHaveText("+1");
    await page.getByRole("button", { name: "Show all licenses" }).click();
    await expect(page.getByTestId("s9-footer")).toHaveText("Showing All 23 Records");

    await page.goto("/convert/event-log");
    await expect(page.getByRole("combobox", { name: "Event Type" })).toHaveCount(0);
    const log = page.getByRole("region", { name: "Event Log" });
    await expect(log.getByRole("row").nth(1).getByRole("cell")).toHaveText([
      'Traditional licenses of PID:CSR1000V,SN:9QLBLATKXM4 were converted into "Eg-VA-01" (1 × CSR 1KV SEC 5G).',
      "2024-Mar-10 12:00:00",
      "eg-admin",
    ]);
    await expect(log).toContainText('4 license(s) from PAK 2QW9E4R7T5Y were converted into "Eg-VA-02" (4 × ASR 1000 Advanced IP Services).');
  });

  test("device-led conversion: a simulator usage file with DLC data converts the C1111's licenses once (W-21)", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await chooseSmartAccount(page, "Eg-SA-01");
    const file = await saveDlcUsageFile(page);
    const row = await uploadUsageFile(page, file, "Eg-VA-01");
    expect((await page.request.post("/api/test/run-jobs", { timeout: 120_000 })).ok()).toBeTruthy();
    await expect(row).toContainText("ℹ No Errors");

    await page.goto("/convert/history");
    const first = page.getByTestId("s23-row").first();
    await expect(first.getByRole("cell").nth(0)).toHaveText("Device");
    await expect(first.getByRole("cell").nth(3)).toHaveText("Licenses Converted");
    await first.getByTestId("s23-view-details").click();
    await expect(page.getByTestId("s23-title")).toHaveText("UDI_PID:C1111-8PLTEEAWB; UDI_SN:FGL214391J3;");
    await expect(page.getByText("by System")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "ISR_1100_8P_Hsec" })).toContainText("Converted");

    // The AppX shortage of Eg-VA-01 (DD-5: -1) is covered now; a second file converts nothing again.
    await page.goto(`/inventory/licenses?va=${VA01}`);
    await expect(balance(page, uuidv5("license-definition:ISR_1100_8P_Application"))).toHaveText("0");
    const again = await uploadUsageFile(page, await saveDlcUsageFile(page), "Eg-VA-01");
    expect((await page.request.post("/api/test/run-jobs", { timeout: 120_000 })).ok()).toBeTruthy();
    await expect(again).toContainText("ℹ No Errors");
    await page.goto("/convert/history");
    await expect(page.getByTestId("s23-row").filter({ hasText: "Device" }).filter({ hasText: "C1111" })).toHaveCount(1);
    await page.goto(`/inventory/licenses?va=${VA01}`);
    await expect(balance(page, uuidv5("license-definition:ISR_1100_8P_Application"))).toHaveText("0");
  });

  test("upgrade 1 pending Router US Export license in Eg-VA-02 @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", `/inventory/licenses?va=${VA02}`, "Eg-SA-01");
    await expect(licenseRow(page, DNA_HSEC).getByRole("cell").nth(3)).toHaveText("1 (+ 1 pending)");
    await expect(balance(page, ISR1100_HSEC)).toHaveText("+2");
    await licenseRow(page, DNA_HSEC).getByRole("button", { name: "Upgrade Pending" }).click();
    const wizard = page.getByRole("dialog", { name: "Upgrade Licenses" });
    await expect(wizard.getByTestId("s14-stepper")).toHaveText(/STEP 1 Select Licenses.*STEP 2 Review/);
    await expect(wizard.getByTestId("s14-upgrade-to")).toHaveText("Router US Export Lic. for DNA");
    await expect(wizard.getByTestId("s14-available")).toHaveText("Available: 1");
    await expect(wizard.getByTestId("s14-to-virtual-account")).toHaveText("Eg-VA-02");
    await wizard.getByLabel("Quantity:").fill("2");
    await wizard.getByRole("button", { name: "Apply" }).click();
    await expect(wizard.getByRole("alert")).toHaveText("You can upgrade at most 1 license(s).");
    await wizard.getByLabel("Quantity:").fill("1");
    await wizard.getByRole("button", { name: "Apply" }).click();
    const options = wizard.getByRole("table", { name: "Upgrade options" });
    await expect(options.getByRole("columnheader")).toHaveText(["Opti...", "Upgrade To", 'Replaces Current (In Virtual Account "Eg-VA-02")']);
    await expect(options).toContainText("Perpetual to Perpetual");
    await expect(options).toContainText("First Expires: - never -");
    await expect(wizard.getByRole("radio", { name: "Replace ISR_1100_8P_Hsec" })).toBeChecked();
    await expect(wizard.getByTestId("s14-tags-note")).toBeVisible();
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByTestId("s14-review")).toContainText("Replaces Current:ISR_1100_8P_Hsec");
    await wizard.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByText('1 "ISR_1100_8P_Hsec" license(s) were replaced by "Router US Export Lic. for DNA".')).toBeVisible();
    await expect(licenseRow(page, DNA_HSEC).getByRole("cell").nth(3)).toHaveText("2");
    await expect(licenseRow(page, DNA_HSEC).getByRole("button", { name: "Upgrade Pending" })).toHaveCount(0);
    await expect(balance(page, DNA_HSEC)).toHaveText("+2");
    await expect(balance(page, ISR1100_HSEC)).toHaveText("+1");
  });
});
