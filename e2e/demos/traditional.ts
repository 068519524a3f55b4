import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";

/** Traditional Licensing: a license file from a PAK, then a rehost with the device tools standing in for the device. */
const traditional: Tour = {
  name: "traditional",
  title: "Traditional Licensing: PAK to license file, and a rehost",
  description: "fulfil a PAK to a new device and download the node-locked file, then move a license to another device with permission and rehost tickets",
  order: 60,
  async run({ page, shot, loginAs }) {
    await loginAs("admin@example.com");
    await page.goto("/traditional");
    const row = page.getByTestId("s52-row").filter({ hasText: "8PL2M6N4B9V" });
    await expect(row).toContainText("UNFULFILLED");
    await shot("PAKs or Tokens: one row per PAK line, with its status, used and available quantities");

    await row.getByTestId("s52-row-menu").click();
    await page.getByRole("menuitem", { name: "Get Licenses..." }).click();
    const wizard = page.getByRole("dialog", { name: "Get Licenses" });
    await wizard.getByRole("textbox", { name: "Quantity to Assign FL-1100-8P-HSEC=" }).fill("1");
    await wizard.getByRole("button", { name: "Add Device..." }).click();
    const device = page.getByRole("dialog", { name: "Add Device" });
    await device.getByLabel("UDI Product ID").selectOption("C1111-8P");
    await device.getByLabel("UDI Serial Number").fill("FGL2231A0AB");
    await shot("Add Device: the UDI Product ID must be one the SKU allows");
    await device.getByRole("button", { name: "OK" }).click();
    await shot("STEP 2: one HSEC license for C1111-8P:FGL2231A0AB");
    await wizard.getByRole("button", { name: "Next" }).click();
    await wizard.getByLabel("I agree with the Terms of the License").check();
    await shot("STEP 3: recipients and the license terms");
    await wizard.getByRole("button", { name: "Get License" }).click();
    await expect(wizard.getByText("License Request Status: Completed")).toBeVisible();
    await shot("The node-locked license file is ready to download, and was mailed to the recipients");
    const download = page.waitForEvent("download");
    await wizard.getByRole("link", { name: "Download" }).click();
    await download;
    await wizard.getByTestId("s53-close").click();
    await expect(row).toContainText("PARTIALLY FULFILLED");
    await shot("The PAK is now partially fulfilled: 1 used, 1 available");

    await page.goto("/dev/traditional");
    await page.getByRole("combobox", { name: "Device" }).selectOption({ label: "CSR1000V:9QLBLATKXM4" });
    const credentialDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download cred.lic" }).click();
    const credential = await credentialDownload;
    await shot("Device tools: the source device shows its credential (cred.lic)");

    await page.goto("/traditional/devices");
    await page.getByTestId("s54-row").filter({ hasText: "9QLBLATKXM4" }).getByTestId("s54-row-menu").click();
    await page.getByRole("menuitem", { name: "Rehost license..." }).click();
    const rehost = page.getByRole("dialog", { name: "License Transfer (Rehost)" });
    await rehost.getByTestId("s56-device-credential-file").setInputFiles((await credential.path())!);
    await shot("Rehost STEP 1: the source UDI and its device credential");
    await rehost.getByRole("button", { name: "Next" }).click();
    await rehost.getByLabel("Select securityk9").check();
    await shot("STEP 2: the permanent licenses that can move");
    await rehost.getByRole("button", { name: "Get Permission Ticket" }).click();
    const ptDownload = page.waitForEvent("download");
    await rehost.getByRole("link", { name: "Download Permission Ticket" }).click();
    const pt = await ptDownload;
    await shot("STEP 3: the signed permission ticket, with a 60-day grace license for the source");
    await rehost.getByTestId("s56-close").click();

    await page.goto("/dev/traditional");
    const rtDownload = page.waitForEvent("download");
    await page.getByTestId("s60-permission-ticket-file").setInputFiles((await pt.path())!);
    const rt = await rtDownload;
    await shot("Device tools: the device verified the ticket, revoked the license and produced rt.lic");

    await page.goto("/traditional/transactions");
    await shot("Transactions History: the rehost waits for its rehost ticket");
    await page.getByTestId("s58-row").filter({ hasText: "Rehost" }).getByRole("button", { name: "Continue..." }).click();
    const resumed = page.getByRole("dialog", { name: "License Transfer (Rehost)" });
    await resumed.getByRole("button", { name: "Next" }).click();
    await resumed.getByTestId("s56-rehost-ticket-file").setInputFiles((await rt.path())!);
    await resumed.getByLabel("Destination UDI Product ID").fill("CSR1000V");
    await resumed.getByLabel("Destination UDI Serial Number").fill("9NEWCSR0001");
    await shot("STEP 4: the rehost ticket and the destination device");
    await resumed.getByRole("button", { name: "Submit" }).click();
    await expect(resumed.getByText("License Request Status: Completed")).toBeVisible();
    await shot("STEP 5: the destination's license file");
    await resumed.getByTestId("s56-close").click();
    await expect(page.getByTestId("s58-row").filter({ hasText: "Rehost" })).toContainText("Completed");
    await shot("The rehost is complete: the license moved from 9QLBLATKXM4 to 9NEWCSR0001");
  },
};

export default traditional;
