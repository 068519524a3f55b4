import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";
import { getLicenseFileFromPak, rehostWithDeviceTools } from "../steps/traditional";
import { saveDlcUsageFile, uploadUsageFile } from "../steps/usage";

/**
 * Convert to Smart Licensing as a license administrator does it: a PAK, a device, device-led
 * conversion from a usage file, the history, a pending upgrade; then the traditional side: a license
 * file from a PAK and its rehost.
 */
const conversion: Tour = {
  name: "conversion",
  title: "Convert to Smart Licensing and upgrade licenses",
  description:
    "convert part of a PAK, convert a device's traditional licenses, upload a simulator file with DLC data, read the conversion history, apply a pending upgrade, get a traditional license file and rehost it",
  order: 40,
  async run({ page, shot, loginAs, hooks }) {
    await loginAs("admin@example.com");
    await page.goto("/select-account");
    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");

    await page.goto("/convert/paks");
    await expect(page.getByTestId("s21-row-4XR2K7PQ19B")).toBeVisible();
    await shot("Convert PAKs: the PAKs assigned to Eg-SA-01, with what is left on each");
    await page.getByTestId("s21-row-4XR2K7PQ19B").getByRole("button", { name: "Convert to Smart Licenses" }).click();
    const wizard = page.getByRole("dialog", { name: "Convert to Smart Software Licenses" });
    await wizard.getByLabel("Quantity to Convert of C1-ISE-BASE-T").fill("10");
    await shot("Step 1: 10 of the 25 ISE Base licenses go to CORE TAC, the PAK's virtual account");
    await wizard.getByRole("button", { name: "Next" }).click();
    await expect(wizard.getByRole("table", { name: "SKUs to Convert" })).toBeVisible();
    await shot("Step 2: review before converting");
    await wizard.getByRole("button", { name: "Convert Licenses" }).click();
    await expect(page.getByText("10 license(s) converted into CORE TAC.")).toBeVisible();
    await shot("The PAK is now PARTIALLY CONVERTED; 15 licenses stay on it");
    await hooks.runJobs();

    await page.getByRole("navigation", { name: "License Conversion" }).getByRole("link", { name: "Convert Licenses" }).click();
    await page.waitForURL("**/convert/licenses");
    await expect(page.getByTestId("s22-row-9QLBLATKXM4")).toBeVisible();
    await shot("Convert Licenses: a CSR1000V still runs a traditional security license");
    await page.getByTestId("s22-row-9QLBLATKXM4").getByRole("button", { name: "Convert to Smart Licensing" }).click();
    const device = page.getByRole("dialog", { name: "License Conversion Wizard" });
    await expect(device.getByLabel("Quantity to Convert of L-CSR-5G-SEC=")).toBeVisible();
    await shot("License Conversion Wizard: the device's eligible licenses and the destination");
    await device.getByRole("button", { name: "Next" }).click();
    await device.getByRole("button", { name: "Convert Licenses" }).click();
    await expect(page.getByText("1 license(s) converted into Eg-VA-01.")).toBeVisible();
    await hooks.runJobs();

    const dlcFile = await saveDlcUsageFile(page);
    await shot("Device simulator: the C1111 saves its next usage file, with its traditional licenses as DLC data");
    const usageRow = await uploadUsageFile(page, dlcFile, "Eg-VA-01");
    await hooks.runJobs();
    await expect(usageRow).toContainText("ℹ No Errors");
    await shot("Reports › Usage Data Files: the file is processed; its ACK carries the conversion result");

    await page.goto("/convert/history");
    await expect(page.getByTestId("s23-row").first()).toBeVisible();
    await shot("Conversion History: the device-led conversion (by System), the device and PAK conversions, newest first");
    await page.getByTestId("s23-view-details").first().click();
    await expect(page.getByTestId("s23-title")).toBeVisible();
    await shot("The device conversion: what was converted, by whom, into which license");
    await page.getByRole("link", { name: "View Licenses" }).click();
    await expect(page.getByTestId("s9-filtered")).toBeVisible();
    await shot("View Licenses: the Licenses tab of Eg-VA-01, filtered to the new smart license");

    await page.getByTestId("s6-va-selector").click();
    await page.getByRole("option", { name: /Eg-VA-02/ }).click();
    await expect(page.getByRole("button", { name: "Upgrade Pending" })).toBeVisible();
    await shot("Eg-VA-02 holds one pending Router US Export upgrade: 1 (+ 1 pending)");
    await page.getByRole("button", { name: "Upgrade Pending" }).click();
    const upgrade = page.getByRole("dialog", { name: "Upgrade Licenses" });
    await upgrade.getByRole("button", { name: "Apply" }).click();
    await expect(upgrade.getByRole("table", { name: "Upgrade options" })).toBeVisible();
    await shot("Upgrade Licenses: one ISR 1100 device-specific HSEC license is replaced");
    await upgrade.getByRole("button", { name: "Next" }).click();
    await upgrade.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("button", { name: "Upgrade Pending" })).toHaveCount(0);
    await shot("After the upgrade: 2 Router US Export licenses, one ISR_1100_8P_Hsec fewer");

    await page.goto("/convert/event-log");
    await shot("Convert › Event Log: every conversion event of the Smart Account");

    await getLicenseFileFromPak(page, shot);
    await rehostWithDeviceTools(page, { pid: "C1111-8P", sn: "FGL2231A0AB", feature: "hseck9", destinationSn: "FGL2231A0AC" }, shot);
  },
};

export default conversion;
