import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";

/** The `/dev` demo tools: simulated devices write usage files and return codes; the mailbox collects e-mail. */
const simulator: Tour = {
  name: "simulator",
  title: "Demo tools: the device simulator and the mailbox",
  description: "save a signed usage file with DLC data, change a device's usage, read a return code, find the daily alert e-mail",
  order: 90,
  async run({ page, shot, loginAs, hooks }) {
    await loginAs("admin@example.com");
    await page.goto("/dev");
    const table = page.getByRole("table", { name: "Device Simulator" });
    await expect(table.locator("tfoot")).toHaveText("Showing All 39 Records");
    await shot("Device Simulator: one simulated device per product instance that reports usage");

    const c1111 = table.locator("tbody tr").filter({ hasText: "SN:FGL214391J3" });
    await c1111.getByRole("button", { name: "Actions" }).click();
    await shot("Each device can save files for the portal; pushing to CSLU or On-Prem waits for those workspaces");
    await page.getByRole("menuitem", { name: "Save Usage File" }).click();
    const save = page.getByRole("dialog", { name: "Save Usage File" });
    await save.getByLabel("Include DLC data").check();
    await shot("Save Usage File: the C1111 asks for a trust code and reports its traditional licenses (DLC)");
    const download = page.waitForEvent("download");
    await save.getByRole("button", { name: "Save" }).click();
    await download;
    await expect(save).toBeHidden();
    await shot("The signed usage file is saved; the next report id moved on by one per report");

    await c1111.getByRole("button", { name: "Actions" }).click();
    await page.getByRole("menuitem", { name: "Edit Usage" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Usage" });
    await edit.getByLabel("Count of Cisco 1100 Series with 8 LAN Ports, AppX License").fill("2");
    await shot("Edit Usage: the device now uses two AppX licenses; its next report says so");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(c1111).toContainText("2 × Cisco 1100 Series with 8 LAN Ports, AppX License");

    const csr = table.locator("tbody tr").filter({ hasText: "SN:95QS2T1KUJX" });
    await csr.getByRole("button", { name: "Actions" }).click();
    await page.getByRole("menuitem", { name: "Save Return Code" }).click();
    await expect(page.getByRole("dialog", { name: "Save Return Code" })).toBeVisible();
    await shot("Save Return Code: the code the CSR1000V prints when it gives its reservation back");
    await page.getByTestId("s60-close").click();

    await page.goto("/select-account");
    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");
    await page.goto("/preferences");
    await page.getByLabel("Insufficient Licenses Include in Daily Summary").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Preferences saved.")).toBeVisible();
    await hooks.pinClock("2024-03-11T00:30:00Z");
    await hooks.runJobs();
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("article").first()).toBeVisible();
    await shot("Mailbox: the daily alert summary, sent into the outbox instead of by SMTP");
  },
};

export default simulator;
