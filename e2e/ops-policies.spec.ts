import type { Page } from "@playwright/test";
import { EG_SA, piId, vaId } from "../lib/seed/demo/ids";
import { expect, loginAndOpen, loginAs, resetDemo, test } from "./fixtures";

const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");

test.beforeEach(async ({ request }) => resetDemo(request));

const row = (page: Page, name: string) => page.getByTestId(`s34-policy-${name}`);

async function openAction(page: Page, policy: string, action: string) {
  await page.getByRole("button", { name: `Actions for ${policy}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

test.describe("[OPS] S-34 Policies (W-53)", () => {
  test("creates, publishes, assigns and edits a custom policy; S-27 and S-16 follow at once @smoke", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/policies");
    const table = page.getByRole("table", { name: "Policies" });
    await expect(table.getByRole("columnheader")).toHaveText(["Name", "Version", "ACK Required", "Published To", "Assigned To", "Actions"]);
    await expect(table.getByRole("row").nth(1)).toContainText("Cisco default");
    await expect(row(page, "SLP Policy")).toContainText("Eg-SA-01 › Eg-VA-01");

    // New Policy: field messages first, then the policy at version 1, published nowhere.
    await page.getByRole("button", { name: "New Policy..." }).click();
    const form = page.getByRole("dialog", { name: "New Policy" });
    await form.getByLabel("Name").fill("SLP Policy");
    const unp = form.getByRole("group", { name: "Unenforced/Non-Export Perpetual" });
    await unp.getByLabel("Reporting frequency (days)").fill("1.5");
    await form.getByRole("button", { name: "Create Policy" }).click();
    await expect(unp.getByText("Enter a whole number of days from 0 to 3650, or leave it empty to inherit the Cisco default.")).toBeVisible();
    await unp.getByLabel("Reporting frequency (days)").fill("20");
    await form.getByRole("button", { name: "Create Policy" }).click();
    await expect(form.getByText('A policy named "SLP Policy" already exists.')).toBeVisible();
    await form.getByLabel("Name").fill("Quarterly Policy");
    await form.getByRole("button", { name: "Create Policy" }).click();
    await expect(form).toBeHidden();
    await expect(row(page, "Quarterly Policy").getByRole("cell")).toHaveText(["Quarterly Policy", "1", "Yes", "-", "-", "Actions ▾"]);

    // V-31b: not published to Eg-SA-01 yet.
    await openAction(page, "Quarterly Policy", "Assign...");
    let assign = page.getByRole("dialog", { name: "Assign Policy" });
    await assign.getByLabel("Smart Account", { exact: true }).selectOption({ label: "Eg-SA-01" });
    await assign.getByLabel("Virtual Account", { exact: true }).selectOption({ label: "Krakow LAN-SW" });
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign.getByText('Policy "Quarterly Policy" is not published to Smart Account "Eg-SA-01".')).toBeVisible();
    await assign.getByRole("button", { name: "Cancel" }).click();

    await openAction(page, "Quarterly Policy", "Publish...");
    const publish = page.getByRole("dialog", { name: "Publish Policy" });
    await publish.getByLabel("Eg-SA-01").check();
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect(publish).toBeHidden();
    await expect(page.getByText('Policy "Quarterly Policy" was published to Eg-SA-01.')).toBeVisible();
    await expect(row(page, "Quarterly Policy").getByRole("cell").nth(3)).toHaveText("Eg-SA-01");

    await openAction(page, "Quarterly Policy", "Assign...");
    assign = page.getByRole("dialog", { name: "Assign Policy" });
    await assign.getByLabel("Smart Account", { exact: true }).selectOption({ label: "Eg-SA-01" });
    await assign.getByLabel("Virtual Account", { exact: true }).selectOption({ label: "Krakow LAN-SW" });
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign).toBeHidden();
    await expect(page.getByText('Reporting policy "Quarterly Policy" now applies to virtual account "Krakow LAN-SW".')).toBeVisible();
    await expect(row(page, "Quarterly Policy").getByRole("cell").nth(4)).toHaveText("Eg-SA-01 › Krakow LAN-SW");

    // Edit: the saved values become version 2.
    await openAction(page, "Quarterly Policy", "Edit...");
    const edit = page.getByRole("dialog", { name: "Edit Policy" });
    await expect(edit.getByText("Saving makes the new values version 2")).toBeVisible();
    await edit.getByRole("group", { name: "Unenforced/Non-Export Perpetual" }).getByLabel("Reporting frequency (days)").fill("40");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(row(page, "Quarterly Policy").getByRole("cell").nth(1)).toHaveText("2");

    await page.getByRole("link", { name: "Event Log" }).click();
    const log = page.getByRole("region", { name: "Event Log" });
    await expect(log.getByText('Reporting policy "Quarterly Policy" was published to Smart Account "Eg-SA-01".')).toBeVisible();
    await expect(log.getByText('Reporting policy "Quarterly Policy" now applies to virtual account "Krakow LAN-SW".')).toBeVisible();

    // The customer's screens follow the assignment and the edit.
    await loginAs(page, "admin@example.com");
    await page.goto(`/reports/reporting-policy?va=${KRAKOW}`);
    await expect(page.getByTestId("s27-policy-name")).toHaveText("Quarterly Policy");
    await expect(page.getByTestId("s27-unp-frequency")).toHaveText("40 (Customer Policy)");
    await expect(page.getByTestId("s27-uns-frequency")).toHaveText("90 (CISCO default)");
    await page.goto(`/inventory/general?va=${KRAKOW}`);
    await expect(page.getByTestId("s7-policy")).toHaveText("Quarterly Policy");
    await page.goto(`/inventory/product-instances/${piId("C9500-32QC", "CAT2209L0KS")}`);
    await expect(page.getByTestId("s16-policy")).toHaveText("Quarterly Policy");
    // P-7: last ACK T0−10d (2024-Feb-29) + 40 days of the unenforced perpetual frequency.
    await expect(page.getByTestId("s16-next-report-due")).toHaveText("2024-Apr-09");
    await page.goto(`/inventory/event-log?va=${KRAKOW}`);
    await expect(page.getByText('Reporting policy "Quarterly Policy" now applies to virtual account "Krakow LAN-SW".')).toBeVisible();
  });

  test("assigns a published policy to a whole Smart Account; VAs with their own policy keep it", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/policies");
    await openAction(page, "Short Cycle Policy", "Assign...");
    const assign = page.getByRole("dialog", { name: "Assign Policy" });
    await assign.getByLabel("Smart Account", { exact: true }).selectOption({ label: "Eg-SA-01" });
    await assign.getByLabel("The whole Smart Account").check();
    await expect(assign.getByLabel("Virtual Account", { exact: true })).toBeHidden();
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText('Reporting policy "Short Cycle Policy" now applies to Smart Account "Eg-SA-01".')).toBeVisible();
    await expect(row(page, "Short Cycle Policy").getByRole("cell").nth(4)).toHaveText("Eg-SA-01");
    // Cisco default is read-only: it can only be assigned.
    await page.getByRole("button", { name: "Actions for Cisco default" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Assign..."]);
    await page.keyboard.press("Escape");

    await loginAs(page, "admin@example.com");
    await page.goto(`/reports/reporting-policy?va=${vaId(EG_SA, "Eg-VA-02")}`);
    await expect(page.getByTestId("s27-policy-name")).toHaveText("Short Cycle Policy");
    await page.goto(`/reports/reporting-policy?va=${vaId(EG_SA, "Eg-VA-01")}`);
    await expect(page.getByTestId("s27-policy-name")).toHaveText("SLP Policy");
  });

  test("is Licensing Operations only", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/ops/policies");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Policies" })).toHaveCount(0);
  });
});
