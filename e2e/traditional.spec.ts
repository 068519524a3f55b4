import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { chooseSmartAccount, expect, loginAs, resetDemo, test } from "./fixtures";

test.beforeEach(async ({ request }) => resetDemo(request));

const text = async (download: Download) => fs.readFileSync((await download.path())!, "utf8");

async function save(page: Page, click: () => Promise<void>): Promise<Download> {
  const downloading = page.waitForEvent("download");
  await click();
  return downloading;
}

const pakRow = (page: Page, pak: string) => page.getByTestId("s52-row").filter({ hasText: pak });
const deviceRow = (page: Page, sn: string) => page.getByTestId("s54-row").filter({ hasText: `UDI Serial Number:${sn}` });

test.describe("[TRADITIONAL] S-51 … S-60", () => {
  test("@smoke get a license file from PAK 8PL2M6N4B9V for a new device and download it", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await chooseSmartAccount(page, "Eg-SA-01");
    await page.goto("/traditional");
    await expect(page.getByRole("heading", { name: "Product License Registration" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Product License Registration" });
    await expect(tabs.getByRole("link")).toHaveText(["PAKs or Tokens", "Licenses", "Devices", "Transactions History"]);
    await expect(page.getByTestId("s51-smart-account")).toHaveText("Smart Account: Eg-SA-01");
    const table = page.getByTestId("s52-table");
    await expect(table.getByRole("columnheader")).toHaveText(["Select", "PAK/Token", "Virtual Account", "Order Number", "Product", "Status", "Used", "Available", "Actions"]);
    await expect(pakRow(page, "8PL2M6N4B9V")).toContainText("Eg-VA-02");
    await expect(pakRow(page, "8PL2M6N4B9V")).toContainText("SKU: FL-1100-8P-HSEC=");
    await expect(pakRow(page, "8PL2M6N4B9V")).toContainText("UNFULFILLED");
    await expect(pakRow(page, "7HN4W2C9D3K")).toContainText("FULFILLED");

    // `Export to CSV` (F-17): BOM, the on-screen header, `{Screen}_{SA}_{stamp}.csv`.
    const csv = await save(page, () => page.getByRole("link", { name: "Export to CSV" }).click());
    expect(csv.suggestedFilename()).toBe("PAKs_or_Tokens_Eg-SA-01_20240310T120000.csv");
    const csvText = await text(csv);
    expect(csvText.startsWith("\uFEFFPAK/Token,Virtual Account,Order Number,Product,Status,Used,Available\r\n")).toBe(true);
    expect(csvText).toContain("8PL2M6N4B9V,Eg-VA-02,107326781,Family: Cisco 1100 Series Integrated Services Routers SKU: FL-1100-8P-HSEC=,UNFULFILLED,0,2");

    await pakRow(page, "8PL2M6N4B9V").getByTestId("s52-row-menu").click();
    await page.getByRole("menuitem", { name: "Get Licenses..." }).click();
    const wizard = page.getByRole("dialog", { name: "Get Licenses" });
    await expect(wizard.getByTestId("s53-stepper")).toContainText("STEP 2 Assign SKUs to Devices");
    await expect(wizard.getByRole("columnheader")).toHaveText(["SKU", "Description", "Available", "Quantity to Assign"]);
    await wizard.getByRole("textbox", { name: "Quantity to Assign FL-1100-8P-HSEC=" }).fill("1");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByRole("alert")).toHaveText("Add the device that receives the licenses.");

    await wizard.getByRole("button", { name: "Add Device..." }).click();
    const addDevice = page.getByRole("dialog", { name: "Add Device" });
    await addDevice.getByLabel("UDI Product ID").selectOption("C1111-8P");
    await addDevice.getByLabel("UDI Serial Number").fill("FGL2231A0AB");
    await addDevice.getByRole("button", { name: "OK" }).click();
    await expect(wizard.getByTestId("s53-device")).toHaveText("Device: C1111-8P:FGL2231A0AB");
    await wizard.getByRole("button", { name: "Next" }).click();

    await expect(wizard.getByLabel("Send To:")).toHaveValue("admin@example.com");
    await wizard.getByRole("button", { name: "Get License" }).click();
    await expect(wizard.getByText("You must accept the license terms to continue.")).toBeVisible();
    await wizard.getByLabel("I agree with the Terms of the License").check();
    await wizard.getByRole("button", { name: "Get License" }).click();
    await expect(wizard.getByText("License Request Status: Completed")).toBeVisible();
    await expect(wizard.getByTestId("s53-file-name")).toHaveText("FGL2231A0AB_20240310120000.lic");

    const download = await save(page, () => wizard.getByRole("link", { name: "Download" }).click());
    expect(download.suggestedFilename()).toBe("FGL2231A0AB_20240310120000.lic");
    const lic = await text(download);
    expect(lic).toMatch(/^License: 11 hseck9 1\.0 LONG NORMAL DISABLED INFINITE DISABLED STANDALONE ADD 1 1 NEVER NEVER NiL SLM_CODE CL_ND_LCK NiL \*[A-Z0-9]{18} NiL NiL NiL 5_MINS <UDI><PID>C1111-8P<\/PID><SN>FGL2231A0AB<\/SN><\/UDI> ,[0-9A-F]{16}\$<WLC>[A-Za-z0-9+/=]+<\/WLC>\nComment:\nHash: [A-Za-z0-9+/=]{28}\n$/);

    await wizard.getByTestId("s53-close").click();
    await expect(pakRow(page, "8PL2M6N4B9V")).toContainText("PARTIALLY FULFILLED");
    await page.getByRole("link", { name: "Transactions History" }).click();
    await expect(page.getByTestId("s58-row").first()).toContainText("1 license line(s) from PAK 8PL2M6N4B9V were issued to C1111-8P:FGL2231A0AB.");
  });

  test("adds a PAK by hand: an unknown PAK is answered as not found (V-50)", async ({ page }) => {
    await loginAs(page, "va.user@example.com");
    await page.goto("/traditional");
    await expect(page.getByTestId("s51-smart-account")).toHaveText("Smart Account: Eg-SA-01");
    await expect(page.getByTestId("s52-table")).toContainText("No Records to Display");
    await page.getByRole("button", { name: "Add New PAKs/Tokens..." }).click();
    const dialog = page.getByRole("dialog", { name: "Add New PAKs/Tokens" });
    await dialog.getByLabel("PAKs/Tokens").fill("3300J8A5F21");
    await dialog.getByRole("button", { name: "Add" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("PAK 3300J8A5F21 was not found.");
  });

  test("requests a 60-day evaluation license once per feature and device (W-44)", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await page.goto("/traditional/devices");
    await page.getByRole("button", { name: "Get Licenses" }).click();
    await page.getByRole("menuitem", { name: "Demo and evaluation..." }).click();
    const dialog = page.getByRole("dialog", { name: "Demo and evaluation" });
    await dialog.getByLabel("Product Family").selectOption("Cisco 2900 Series Integrated Services Routers");
    await expect(dialog.getByLabel("Feature").locator("option")).toHaveText(["Select…", "data", "securityk9", "uc"]);
    await dialog.getByLabel("Feature").selectOption("data");
    await dialog.getByLabel("UDI Product ID").fill("CISCO2951");
    await dialog.getByLabel("UDI Serial Number").fill("FHH1211P037");
    await expect(dialog.getByLabel("Duration")).toHaveValue("60 days");
    await dialog.getByLabel("I agree with the Terms of the License").check();
    await dialog.getByRole("button", { name: "Get License" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("An evaluation license for data was already issued to this device.");

    await dialog.getByLabel("UDI Serial Number").fill("FHH1211P099");
    await dialog.getByRole("button", { name: "Get License" }).click();
    await expect(dialog.getByText("License Request Status: Completed")).toBeVisible();
    const lic = await text(await save(page, () => dialog.getByRole("link", { name: "Download" }).click()));
    expect(lic).toMatch(/^License: 11 data 1\.0 LONG TRIAL DISABLED 1440 DISABLED STANDALONE ADD INFINITE_KEYS INFINITE_KEYS NEVER NEVER NiL SLM_CODE DEMO /);
    await dialog.getByTestId("s59-close").click();
    await expect(deviceRow(page, "FHH1211P099")).toContainText("1");
  });

  test("rehosts a license with the device tools, resuming from Transactions History (W-45)", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await page.goto("/dev/traditional");
    await page.getByRole("combobox", { name: "Device" }).selectOption({ label: "CSR1000V:9QLBLATKXM4" });
    const credential = await save(page, () => page.getByRole("link", { name: "Download cred.lic" }).click());
    expect(credential.suggestedFilename()).toBe("cred.lic");
    expect(await text(credential)).toMatch(/^DeviceCredential: 1\.0\nUDI: CSR1000V:9QLBLATKXM4\nCredential: [A-Za-z0-9+/]{43}=\n$/);

    await page.goto("/traditional/devices");
    await deviceRow(page, "9QLBLATKXM4").getByTestId("s54-row-menu").click();
    await page.getByRole("menuitem", { name: "Rehost license..." }).click();
    const wizard = page.getByRole("dialog", { name: "License Transfer (Rehost)" });
    await expect(wizard.getByLabel("UDI Serial Number")).toHaveValue("9QLBLATKXM4");
    await wizard.getByLabel("Device Credential").fill("DeviceCredential: 1.0\nUDI: CSR1000V:9QLBLATKXM4\nCredential: " + "A".repeat(43) + "=\n");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByText("The device credential does not match device CSR1000V:9QLBLATKXM4.")).toBeVisible();
    await wizard.getByTestId("s56-device-credential-file").setInputFiles((await credential.path())!);
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByTestId("s56-licenses")).toContainText("7HN4W2C9D3K");
    await wizard.getByLabel("Select securityk9").check();
    await wizard.getByRole("button", { name: "Get Permission Ticket" }).click();
    const pt = await save(page, () => wizard.getByRole("link", { name: "Download Permission Ticket" }).click());
    expect(pt.suggestedFilename()).toBe("pt.lic");
    expect(await text(pt)).toMatch(/^PermissionTicket: 1\.0\nTransaction: [0-9a-f-]{36}\nSourceUDI: CSR1000V:9QLBLATKXM4\nRemove: \*[A-Z0-9]{18} securityk9 1\.0 1\nAdd: 11 securityk9 1\.0 LONG GRACE /);
    await wizard.getByTestId("s56-close").click();

    // The device installs the permission ticket and answers with its rehost ticket.
    await page.goto("/dev/traditional");
    const ptPath = (await pt.path())!;
    const rt = await save(page, () => page.getByTestId("s60-permission-ticket-file").setInputFiles(ptPath));
    expect(await text(rt)).toMatch(/^RehostTicket: 1\.0\nTransaction: [0-9a-f-]{36}\nSourceUDI: CSR1000V:9QLBLATKXM4\nRevoked: \*[A-Z0-9]{18}\nProof: /);

    await page.goto("/traditional/transactions");
    const rehostRow = page.getByTestId("s58-row").filter({ hasText: "Rehost" });
    await expect(rehostRow).toContainText("Permission Ticket Issued");
    await rehostRow.getByRole("button", { name: "Continue..." }).click();
    const resumed = page.getByRole("dialog", { name: "License Transfer (Rehost)" });
    await expect(resumed.getByTestId("s56-stepper")).toContainText("✓ STEP 2 Select Licenses");
    await resumed.getByRole("button", { name: "Next" }).click();
    await resumed.getByTestId("s56-rehost-ticket-file").setInputFiles((await rt.path())!);
    await resumed.getByLabel("Destination UDI Product ID").fill("CSR1000V");
    await resumed.getByLabel("Destination UDI Serial Number").fill("9QLBLATKXM4");
    await resumed.getByRole("button", { name: "Submit" }).click();
    await expect(resumed.getByText("The destination device must be different from the source device.")).toBeVisible();
    await resumed.getByLabel("Destination UDI Serial Number").fill("9NEWCSR0001");
    await resumed.getByRole("button", { name: "Submit" }).click();
    await expect(resumed.getByText("License Request Status: Completed")).toBeVisible();
    const lic = await text(await save(page, () => resumed.getByRole("link", { name: "Download" }).click()));
    expect(lic).toContain("<UDI><PID>CSR1000V</PID><SN>9NEWCSR0001</SN></UDI>");
    await resumed.getByTestId("s56-close").click();
    await expect(rehostRow).toContainText("Completed");
    await expect(rehostRow).toContainText("Licenses were moved from CSR1000V:9QLBLATKXM4 to CSR1000V:9NEWCSR0001.");

    await page.getByRole("link", { name: "Licenses" }).click();
    await page.getByLabel("Search by UDI, Serial Number or PAK").fill("9QLBLATKXM4");
    const lines = page.getByTestId("s55-row");
    await expect(lines).toHaveCount(2);
    await expect(lines.filter({ hasText: "PERMANENT" })).toContainText("REHOSTED");
    await expect(lines.filter({ hasText: "GRACE" })).toContainText("ACTIVE");
  });

  test("converts a device's licenses to Smart Licensing from the Devices menu (S-54, W-20 LRP)", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await chooseSmartAccount(page, "Eg-SA-01");
    await page.goto("/traditional/devices");
    await expect(deviceRow(page, "9QLBLATKXM4").getByRole("cell").nth(4)).toHaveText("1");
    await deviceRow(page, "9QLBLATKXM4").getByTestId("s54-row-menu").click();
    await page.getByRole("menuitem", { name: "Convert licenses to Smart Licensing..." }).click();
    const dialog = page.getByRole("dialog", { name: "Convert to Smart Entitlements" });
    await expect(dialog.getByTestId("s54-header")).toContainText("Smart Account:Eg-SA-01");
    await expect(dialog).toContainText("UDI Product ID:CSR1000V,UDI Serial Number:9QLBLATKXM4");
    await expect(dialog).toContainText("L-CSR-5G-SEC=");
    await dialog.getByLabel("Virtual Account:").selectOption({ label: "Eg-VA-02" });
    await dialog.getByRole("button", { name: "Submit" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("1 license(s) converted into Eg-VA-02.")).toBeVisible();
    await expect(deviceRow(page, "9QLBLATKXM4").getByRole("cell").nth(4)).toHaveText("0");

    // The smart license is now in the chosen virtual account.
    await page.goto(`/inventory/licenses`);
    await page.getByTestId("s6-va-selector").click();
    await page.getByRole("option", { name: /Eg-VA-02/ }).click();
    await expect(page.getByRole("row").filter({ hasText: "CSR 1KV SEC 5G" })).toContainText("1");
  });

  test("resends all licenses of a device as first issued (W-47)", async ({ page }) => {
    await loginAs(page, "admin@example.com");
    await page.goto("/traditional/licenses");
    await expect(page.getByTestId("s55-table").getByRole("columnheader")).toHaveText(["License", "Device", "Type", "Count", "Status", "Expires", "PAK", "Issued", "Actions"]);
    await page.getByLabel("Search by UDI, Serial Number or PAK").fill("FHH1211P037");
    await expect(page.getByTestId("s55-row")).toHaveCount(3);
    await page.getByTestId("s55-row").first().getByRole("button", { name: "Actions" }).click();
    await page.getByRole("menuitem", { name: "Resend All for Device" }).click();
    const dialog = page.getByRole("dialog", { name: "Resend All for Device" });
    const first = await text(await save(page, () => dialog.getByRole("button", { name: "Download" }).click()));
    expect(first.match(/^License: /gm)).toHaveLength(3);

    await page.goto("/traditional/devices");
    await deviceRow(page, "FHH1211P037").getByTestId("s54-row-menu").click();
    const again = await save(page, () => page.getByRole("menuitem", { name: "Download license..." }).click());
    expect(await text(again)).toBe(first);

    await page.goto("/traditional/transactions");
    await expect(page.getByTestId("s58-row").filter({ hasText: "Resend" })).toHaveCount(2);
    await expect(page.getByTestId("s58-row").first()).toContainText("All licenses of CISCO2951:FHH1211P037 were downloaded.");
  });
});
