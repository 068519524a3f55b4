import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";
import { DEMO_NOW } from "../../scripts/demo/hooks";
import { entitlementTag } from "../../lib/seed/reference";
import { instanceInfo, rumEnvelope, rumPayload, usageXml } from "../../lib/usage/format/rum-writer";

/** A usage file as a router writes it: two signed RUM reports and its instance information (F-1). */
function routerUsageFile(): Buffer {
  const end = Math.floor(Date.parse(DEMO_NOW) / 1000) - 1800;
  const udi = { udiPid: "C8300-1N1S-4T2X", udiSn: "FDO2613A1QZ" };
  const report = (reportId: number, license: number) => {
    const payload = rumPayload({
      ...udi,
      shape: "B",
      reportId,
      entitlementTag: entitlementTag(license),
      softwareVersion: "17.09.04a",
      measurements: [{ startTime: end - 7 * 86_400, endTime: end, count: 1 }],
    });
    return { element: "RUMReport" as const, body: rumEnvelope(payload, udi) };
  };
  return Buffer.from(
    usageXml([report(1710061200, 19), report(1710061201, 20), { element: "InstanceInfo", body: instanceInfo({ ...udi, hostname: "br-rtr-02", softwareVersion: "17.09.04a" }) }]),
  );
}

/** Usage reporting as an administrator does it: upload a RUM file, choose its VA, watch it processed, download the signed ACK. */
const usageReport: Tour = {
  name: "usage-report",
  title: "Usage reporting: from a RUM file to a signed acknowledgement",
  description: "upload a usage file, pick the virtual account, watch it being processed and download the ACK",
  order: 30,
  async run({ page, shot, loginAs, hooks }) {
    await loginAs("admin@example.com");
    await page.goto("/select-account");
    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");
    await page.goto("/reports/usage-data-files");
    await expect(page.getByRole("table", { name: "Usage Data Files" }).getByText("usage_report", { exact: true })).toBeVisible();
    await shot("Reports › Usage Data Files: the usage files reported so far, newest first");

    await page.getByRole("button", { name: "Upload Usage Data..." }).click();
    const dialog = page.getByRole("dialog", { name: "Upload Usage Data" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Browse" }).click();
    await (await chooser).setFiles({ name: "usage_br-rtr-02.xml", mimeType: "text/xml", buffer: routerUsageFile() });
    await expect(dialog.getByTestId("s26-usage-data-file")).toHaveText("usage_br-rtr-02.xml");
    await shot("Upload Usage Data: the router's RUM file is chosen (a file can also be dragged onto the dialog)");
    await dialog.getByRole("button", { name: "Upload Data" }).click();

    const select = page.getByRole("dialog", { name: "Select Virtual Accounts" });
    await expect(select.getByText("Please select an account:")).toBeVisible();
    await select.getByLabel("Virtual account for all files").selectOption({ label: "Eg-VA-01" });
    await shot("The file names no virtual account: choose Eg-VA-01 for it");
    await select.getByRole("button", { name: "OK" }).click();

    const row = page.getByTestId("s26-row").filter({ hasText: "usage_br-rtr-02.xml" });
    await expect(row).toContainText("⚠ Data Being Processed");
    await shot("The file is accepted and waits for processing: 0 devices, acknowledgement Pending");
    await hooks.runJobs();
    await expect(row).toContainText("ℹ No Errors");
    await shot("Processed: one device, no errors, and the acknowledgement is ready to download");

    await row.getByRole("button", { name: "Expand usage_br-rtr-02.xml" }).click();
    await expect(page.getByRole("table", { name: "Reports in usage_br-rtr-02.xml" }).getByRole("row", { name: /1710061200/ })).toBeVisible();
    await shot("The expander lists each RUM report with its license, count and status");
    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "Download" }).click();
    await download;
    await shot("ACK_usage_br-rtr-02.txt is downloaded: signed, ready to install on the router");

    await page.goto("/inventory/product-instances");
    const search = page.getByLabel("Search by Device or by Product Type");
    await search.fill("br-rtr-02");
    await search.press("Enter");
    await expect(page.getByRole("link", { name: "br-rtr-02" })).toBeVisible();
    await shot("The router now appears in Eg-VA-01's product instances under the hostname it reported");
  },
};

export default usageReport;
