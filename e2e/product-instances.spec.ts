import type { Page } from "@playwright/test";
import { EG_SA, piId, vaId } from "../lib/seed/demo/ids";
import { expect, loginAndOpen, loginAs, resetDemo, test } from "./fixtures";

const VA02 = vaId(EG_SA, "Eg-VA-02");

test.beforeAll(async ({ request }) => resetDemo(request));

function list(page: Page) {
  return page.getByRole("region", { name: "Product Instances" });
}
function row(page: Page, text: string) {
  return list(page).locator("tbody tr").filter({ hasText: text });
}
async function rowAction(page: Page, text: string, item: string) {
  await row(page, text).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

test.describe("[INVENTORY] S-15 Product Instances", () => {
  test("lists 25 instances in Eg-VA-01, pages, searches and sorts @smoke", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    const pis = list(page);
    await expect(pis.getByRole("columnheader")).toHaveText([/^Name/, /^Product Type/, /^Last Contact/, /^Alerts/, "Actions"]);
    const status = pis.getByRole("status");
    await expect(status).toHaveText("Showing Page 1 of 3 (25 Records)");
    await expect(pis.locator("tbody tr")).toHaveCount(10);
    await expect(pis.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
    await expect(pis.getByRole("link", { name: "Export to CSV" })).toHaveAttribute("title", "Export to CSV");
    await expect(pis.getByRole("button", { name: "Authorize License-Enforced Features..." })).toBeVisible();
    await expect(row(page, "UDI_SN:FGL214391JK;")).toContainText("(Reserved Licenses)");

    await pis.getByLabel("Page size").selectOption("25");
    await expect(status).toHaveText("Showing Page 1 of 1 (25 Records)");
    await expect(pis.locator("tbody tr")).toHaveCount(25);

    await pis.getByRole("button", { name: "Name" }).click();
    await expect(pis.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
    // The previous page stays on screen while the sorted one loads (keepPreviousData).
    await expect(pis.getByRole("table")).toHaveAttribute("aria-busy", "false");
    await expect(pis.locator("tbody tr").first()).toContainText("UDI_PID:ISR4461/K9");
    const names = await pis.locator("tbody tr td:first-child").allInnerTexts();
    const lower = names.map((n) => n.toLowerCase());
    expect(lower).toEqual([...lower].sort().reverse());
    expect(names.length).toBe(25);

    await pis.getByLabel("Search by Device or by Product Type").fill("FOC203");
    await pis.getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(status).toHaveText("Showing Page 1 of 1 (15 Records)");
    for (const n of await pis.locator("tbody tr td:first-child").allInnerTexts()) expect(n).toContain("FOC2033A7B");

    await pis.getByLabel("Search by Device or by Product Type").fill("no such device");
    await pis.getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(pis.getByText("No Records Found")).toBeVisible();

    const download = page.waitForEvent("download");
    await pis.getByRole("link", { name: "Export to CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^ProductInstances_Eg-SA-01_\d{8}T\d{6}\.csv$/);
  });

  test("opens an instance: S-16 Overview and its Event Log tab", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    await list(page).getByRole("link", { name: "br-rtr-01" }).click();
    await expect(page).toHaveURL(/\/inventory\/product-instances\/[0-9a-f-]{36}\?va=[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "br-rtr-01" })).toBeVisible();
    const general = page.getByTestId("s16-general");
    for (const label of ["Name", "Product", "Host Identifier", "MAC Address", "PID", "Serial Number", "UUID", "Virtual Account", "Registration Date", "Last Contact", "Software Version", "Policy", "Trust Code Installed", "Next Report Due", "Utility Mode"]) {
      await expect(general.getByText(label, { exact: true })).toBeVisible();
    }
    await expect(general).toContainText("C8300-1N1S-4T2X");
    await expect(general).toContainText("FDO2250A0J5");
    await expect(general).toContainText("Eg-VA-01");
    await expect(page.getByTestId("s16-license-usage-table").getByRole("columnheader")).toHaveText(["License", "Billing", "Expires", "Required"]);
    await expect(page.getByText("Showing all 3 Rows")).toBeVisible();
    await expect(page.getByTestId("s16-authorizations-table")).toContainText("SLAC");

    await page.getByRole("link", { name: "Event Log" }).last().click();
    await expect(page).toHaveURL(/&tab=event-log$/);
    const log = page.getByRole("region", { name: "Event Log" });
    await expect(log.getByText('Product instance "br-rtr-01" was added to "Eg-VA-01" from a usage data file.')).toBeVisible();

    await page.getByRole("link", { name: "Back to Product Instances" }).click();
    await expect(list(page).getByRole("status")).toHaveText(/\(25 Records\)/);
  });

  test("a never-consumed instance needs no report; a reserved one says so", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    await list(page).getByLabel("Search by Device or by Product Type").fill("DN2-HW-APL");
    await list(page).getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(list(page).getByRole("status")).toHaveText("Showing Page 1 of 1 (1 Records)");
    await list(page).locator("tbody tr td:first-child a").click();
    await expect(page.getByTestId("s16-next-report-due")).toHaveText("Not required (no license consumed)");
    await expect(page.getByText("Showing all 0 Rows")).toBeVisible();

    await page.getByRole("link", { name: "Back to Product Instances" }).click();
    await list(page).getByLabel("Search by Device or by Product Type").fill("FGL214391JK");
    await list(page).getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(list(page).locator("tbody tr")).toHaveCount(1);
    await list(page).locator("tbody tr td:first-child a").click();
    await expect(page.getByTestId("s16-last-contact")).toHaveText(/^\d{4}-\w{3}-\d{2} \d{2}:\d{2}:\d{2} \(Reserved Licenses\) - Download Reservation Authorization Code$/);
    await expect(page.getByText("These licenses are reserved on this instance")).toBeVisible();
  });

  test("transfers an instance through the dialog and finds it in the target VA", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    await list(page).getByLabel("Search by Device or by Product Type").fill("FOC2033A7B1");
    await list(page).getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(list(page).locator("tbody tr")).toHaveCount(1);
    await rowAction(page, "FOC2033A7B1", "Transfer...");
    const dialog = page.getByRole("dialog", { name: "Transfer Product Instance" });
    await expect(dialog.getByLabel("Transfer To:").locator("option")).toHaveText(["Eg-VA-02"]);
    await dialog.getByRole("button", { name: "Transfer" }).click();
    await expect(dialog).toBeHidden();
    await expect(list(page).getByText("No Records Found")).toBeVisible();

    await page.goto(`/inventory/product-instances?va=${VA02}`);
    await list(page).getByLabel("Search by Device or by Product Type").fill("FOC2033A7B1");
    await list(page).getByLabel("Search by Device or by Product Type").press("Enter");
    await expect(list(page).locator("tbody tr")).toHaveCount(1);
    await page.goto(`/inventory/event-log?va=${VA02}`);
    await expect(
      page.getByText('Product instance "UDI_PID:ISR4451-X/K9; UDI_SN:FOC2033A7B1;" was transferred from "Eg-VA-01" to "Eg-VA-02".'),
    ).toBeVisible();
  });

  test("removes an instance after confirming; a reserved one is refused", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    await list(page).getByLabel("Page size").selectOption("25");
    const status = list(page).getByRole("status");
    const before = Number(/\((\d+) Records\)/.exec((await status.textContent()) ?? "")![1]);

    await rowAction(page, "UDI_SN:96QKIABBZ1H;", "Remove...");
    let dialog = page.getByRole("dialog", { name: "Confirm Remove Product Instance" });
    await dialog.getByRole("button", { name: "Remove Product Instance" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Return this product instance's reservation or authorization code before removing it.");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await rowAction(page, "UDI_SN:FGL2447LGZ1;", "Remove...");
    dialog = page.getByRole("dialog", { name: "Confirm Remove Product Instance" });
    await dialog.getByRole("button", { name: "Remove Product Instance" }).click();
    await expect(dialog).toBeHidden();
    await expect(status).toHaveText(`Showing Page 1 of 1 (${before - 1} Records)`);
    await expect(row(page, "UDI_SN:FGL2447LGZ1;")).toHaveCount(0);
  });

  test("reservation-only actions show only for reserved instances and say they are not available", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/inventory/product-instances");
    await row(page, "UDI_SN:FGL214391JK;").getByRole("button", { name: "Actions" }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Transfer...", "Remove...", "Update Reserved Licenses", "Download Reservation Authorization Code"]);
    await page.getByRole("menuitem", { name: "Update Reserved Licenses" }).click();
    await expect(page.getByRole("dialog", { name: "Update Reserved Licenses" })).toContainText("not available yet");
  });

  test("a viewer sees no Actions items", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/inventory/product-instances");
    await expect(list(page).getByRole("status")).toHaveText(/Records\)$/);
    await expect(list(page).getByRole("button", { name: "Actions" })).toHaveCount(0);
    await expect(list(page).locator("tbody tr").first().getByText("Actions")).toBeVisible();
  });

  test("another Smart Account's instance is not found, in the page and in the list API", async ({ page }) => {
    await loginAs(page, "bu.admin@example.com");
    const res = await page.goto(`/inventory/product-instances/${piId("ISR4461/K9", "FDO222815Y4")}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const api = await page.request.get(`/api/ui/product-instances?va=${vaId(EG_SA, "Eg-VA-01")}`);
    expect(api.status()).toBe(404);
  });
});
