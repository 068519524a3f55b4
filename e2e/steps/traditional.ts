import { expect, type Page } from "@playwright/test";

/** Optional screenshot with a caption, for demo tours; specs pass nothing. */
export type Shot = (caption: string) => Promise<unknown>;
const none: Shot = async () => undefined;

/** S-52/S-53 (W-43): fulfil one HSEC license of PAK 8PL2M6N4B9V to a new C1111 and download its file. */
export async function getLicenseFileFromPak(page: Page, shot: Shot = none): Promise<void> {
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
}

export type RehostPlan = { pid: string; sn: string; feature: string; destinationSn: string };

/** DD-10: the CSR1000V's permanent security license. */
export const CSR_REHOST: RehostPlan = { pid: "CSR1000V", sn: "9QLBLATKXM4", feature: "securityk9", destinationSn: "9NEWCSR0001" };

/**
 * S-56 (W-45): move one permanent license to a new device of the same PID, with the S-60 device
 * tools standing in for the device (credential, rehost ticket), resumed from Transactions History.
 */
export async function rehostWithDeviceTools(page: Page, plan: RehostPlan = CSR_REHOST, shot: Shot = none): Promise<void> {
  const { pid, sn, feature, destinationSn } = plan;
  await page.goto("/dev/traditional");
  await page.getByRole("combobox", { name: "Device" }).selectOption({ label: `${pid}:${sn}` });
  const credentialDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download cred.lic" }).click();
  const credential = await credentialDownload;
  await shot("Device tools: the source device shows its credential (cred.lic)");

  await page.goto("/traditional/devices");
  await page.getByTestId("s54-row").filter({ hasText: `UDI Serial Number:${sn}` }).getByTestId("s54-row-menu").click();
  await page.getByRole("menuitem", { name: "Rehost license..." }).click();
  const rehost = page.getByRole("dialog", { name: "License Transfer (Rehost)" });
  await rehost.getByTestId("s56-device-credential-file").setInputFiles((await credential.path())!);
  await shot("Rehost STEP 1: the source UDI and its device credential");
  await rehost.getByRole("button", { name: "Next" }).click();
  await rehost.getByLabel(`Select ${feature}`).check();
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
  await resumed.getByLabel("Destination UDI Product ID").fill(pid);
  await resumed.getByLabel("Destination UDI Serial Number").fill(destinationSn);
  await shot("STEP 4: the rehost ticket and the destination device");
  await resumed.getByRole("button", { name: "Submit" }).click();
  await expect(resumed.getByText("License Request Status: Completed")).toBeVisible();
  await shot("STEP 5: the destination's license file");
  await resumed.getByTestId("s56-close").click();
  await expect(page.getByTestId("s58-row").filter({ hasText: "Rehost" })).toContainText("Completed");
  await shot(`The rehost is complete: the license moved from ${sn} to ${destinationSn}`);
}
