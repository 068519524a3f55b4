import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";

/** Policies and reports: the back office publishes and assigns a policy, the customer sees it, downloads it signed and runs a report. */
const reports: Tour = {
  name: "reports",
  title: "Reporting policies, reports and signing keys",
  description: "publish and assign a custom policy, read it on Reporting Policy, download it signed, run a report, list the signing keys",
  order: 40,
  async run({ page, shot, loginAs }) {
    await loginAs("ops@example.com");
    await page.goto("/ops/policies");
    await expect(page.getByRole("table", { name: "Policies" })).toBeVisible();
    await shot("Licensing Operations › Policies: Cisco default and the four custom policies, where each is published and assigned");

    await page.getByRole("button", { name: "New Policy..." }).click();
    const form = page.getByRole("dialog", { name: "New Policy" });
    await form.getByLabel("Name").fill("Quarterly Policy");
    await form.getByRole("group", { name: "Unenforced/Non-Export Perpetual" }).getByLabel("Reporting frequency (days)").fill("20");
    await form.getByRole("group", { name: "Unenforced/Non-Export Subscription" }).getByLabel("Reporting frequency (days)").fill("25");
    await shot("New Policy: two frequencies of its own; every empty value inherits Cisco default");
    await form.getByRole("button", { name: "Create Policy" }).click();
    await expect(form).toBeHidden();

    await page.getByRole("button", { name: "Actions for Quarterly Policy" }).click();
    await page.getByRole("menuitem", { name: "Publish..." }).click();
    const publish = page.getByRole("dialog", { name: "Publish Policy" });
    await publish.getByLabel("Eg-SA-01").check();
    await shot("Publish Policy: make it available to Eg-SA-01");
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect(publish).toBeHidden();

    await page.getByRole("button", { name: "Actions for Quarterly Policy" }).click();
    await page.getByRole("menuitem", { name: "Assign..." }).click();
    const assign = page.getByRole("dialog", { name: "Assign Policy" });
    await assign.getByLabel("Smart Account", { exact: true }).selectOption({ label: "Eg-SA-01" });
    await assign.getByLabel("Virtual Account", { exact: true }).selectOption({ label: "Krakow LAN-SW" });
    await shot("Assign Policy: Krakow LAN-SW reports on the new schedule");
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText('Reporting policy "Quarterly Policy" now applies to virtual account "Krakow LAN-SW".')).toBeVisible();
    await shot("The policy is published to Eg-SA-01 and assigned to Krakow LAN-SW");

    await loginAs("admin@example.com");
    await page.goto("/select-account");
    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");
    await page.goto("/reports/reporting-policy");
    await page.getByLabel("Virtual Account").selectOption({ label: "Krakow LAN-SW" });
    await expect(page.getByTestId("s27-policy-name")).toHaveText("Quarterly Policy");
    await shot("Reports › Reporting Policy: every value says whether it is the customer's or Cisco default", { fullPage: true });
    const policyFile = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download", exact: true }).click();
    await policyFile;
    await shot("Download saves the signed ReportingPolicy_Eg-SA-01_Krakow LAN-SW.xml");

    await page.getByRole("link", { name: "Report", exact: true }).click();
    await page.getByRole("button", { name: "Licenses", exact: true }).click();
    const run = page.getByRole("dialog", { name: "Run Report" });
    await run.getByLabel("XLSX").check();
    await shot("Run Report: all virtual accounts, as an Excel workbook");
    const report = page.waitForEvent("download");
    await run.getByRole("button", { name: "Run Report" }).click();
    await report;

    await page.goto("/reports/usage-data-files/signing-keys");
    await expect(page.getByRole("table", { name: "Signing Keys" })).toBeVisible();
    await shot("Signing Keys: the public key that signs ACKs, policy and synch files, also published at /.well-known");
  },
};

export default reports;
