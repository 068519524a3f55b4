import { uuidv5 } from "../lib/ids";
import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

const HEADER =
  "Entitlement Tag,Short Tag,Display Name,Description,Feature Name,Enforcement,Duration,Billing,Tier Label,Product Families,Substitutes For,Upgrade To,PLR,Reporting Only";
const NEW_TAG = "regid.2024-02.com.cisco.E2E_IMPORTED,1.0_0a0b0c0d-1111-4222-8333-444455556666";
// DD-4 #42 `CSR 1KV SEC 5G`, whose tag is synthetic (DD-1).
const CSR_SEC_TAG = `regid.2020-01.com.cisco.sec_5G,1.0_${uuidv5("sec_5G")}`;

test.beforeEach(async ({ request }) => resetDemo(request));

test.describe("[OPS] S-34 PAKs and Catalogue", () => {
  test("creates a PAK with two lines and finds it UNFULFILLED @smoke", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/paks");
    await expect(page.getByTestId("s34-pak-3300J8A5F21")).toContainText("UNFULFILLED");
    await page.getByRole("button", { name: "New PAK..." }).click();
    const dialog = page.getByRole("dialog", { name: "New PAK" });
    await dialog.getByLabel("Order Number").fill("107399200");
    await dialog.getByLabel("Owner").fill("admin@example.com");
    await dialog.getByLabel("Smart Account").selectOption({ label: "Eg-SA-01" });
    await dialog.getByLabel("Virtual Account").selectOption({ label: "CORE TAC" });

    const first = dialog.getByRole("group", { name: "Line 1" });
    await first.getByLabel("SKU").fill("C1-ISE-PLS-T");
    // A D-27 sku_map SKU proposes its family, feature and smart equivalent.
    await expect(first.getByLabel("Feature Name")).toHaveValue("ise-plus");
    await expect(first.getByLabel("Smart Equivalent").locator("option:checked")).toHaveText("ISE_PLUS");
    await first.getByLabel("License Type").selectOption({ label: "Term" });
    await first.getByLabel("Term End").fill("2026-07-08");
    await first.getByLabel("Quantity").fill("25");

    await dialog.getByRole("button", { name: "Add Line" }).click();
    const second = dialog.getByRole("group", { name: "Line 2" });
    await second.getByLabel("SKU").fill("L-E2E-FREE-SKU");
    await second.getByLabel("Description").fill("A SKU outside the SKU map");
    await second.getByLabel("Product Family").fill("Catalyst 9300");
    await second.getByLabel("Feature Name").fill("e2e-feature");
    await second.getByLabel("Quantity").fill("0");
    await dialog.getByRole("button", { name: "Create PAK" }).click();
    await expect(second.getByText("Quantity must be at least 1.")).toBeVisible();
    await second.getByLabel("Quantity").fill("5");
    await dialog.getByRole("button", { name: "Create PAK" }).click();
    await expect(dialog).toBeHidden();

    const toast = page.getByText(/^PAK [A-Z0-9]{11} was created\.$/);
    await expect(toast).toBeVisible();
    const pak = (await toast.textContent())!.slice(4, 15);
    await page.getByRole("searchbox", { name: "Search PAKs" }).fill(pak);
    const row = page.getByTestId(`s34-pak-${pak}`);
    await expect(row).toContainText("UNFULFILLED");
    await expect(row).toContainText("C1-ISE-PLS-T (25), L-E2E-FREE-SKU (5)");
    await expect(row).toContainText("eg-admin");
    await expect(row).toContainText("CORE TAC");
    await expect(page.getByTestId("s34-paks-pagination")).toContainText("Showing Page 1 of 1 (1 Records)");

    await page.getByRole("link", { name: "Event Log" }).click();
    await expect(page.getByRole("region", { name: "Event Log" }).getByText(`PAK ${pak} was created with 2 line(s) for Smart Account "Eg-SA-01".`)).toBeVisible();
  });

  test("imports a catalogue CSV that adds one definition and updates another", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/catalogue");
    const definitions = page.getByTestId("s34-license-definitions-pagination");
    await expect(definitions).toContainText("(43 Records)");
    await page.getByRole("button", { name: "Import CSV..." }).click();
    const dialog = page.getByRole("dialog", { name: "Import CSV" });

    const download = page.waitForEvent("download");
    await dialog.getByRole("link", { name: "Download Template" }).click();
    expect((await download).suggestedFilename()).toBe("Catalogue_Import_Template.csv");

    const csv = [
      HEADER,
      `"${NEW_TAG}",,E2E Imported License,Imported by the e2e suite,,unenforced,subscription,prepaid,,C93;C95,,,no,no`,
      `"${CSR_SEC_TAG}",sec_5G,CSR 1KV SEC 5G Updated,,securityk9,UNENFORCED,PERPETUAL,PREPAID,,,,,,`,
    ].join("\r\n");
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Browse" }).click();
    await (await chooser).setFiles({ name: "catalogue-e2e.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv, "utf8") });
    await expect(dialog.getByText("catalogue-e2e.csv")).toBeVisible();
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('License catalogue imported from "catalogue-e2e.csv": 1 definition(s) added, 1 updated.')).toBeVisible();

    await expect(definitions).toContainText("(44 Records)");
    await page.getByRole("searchbox", { name: "Search License Definitions" }).fill("E2E_IMPORTED");
    const table = page.getByRole("table", { name: "License Definitions" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("E2E Imported License");
    await expect(table).toContainText("C93; C95");
    await page.getByRole("searchbox", { name: "Search License Definitions" }).fill("sec_5G");
    await expect(table).toContainText("CSR 1KV SEC 5G Updated");
    // The SKU map names the smart equivalent by its new name.
    await expect(page.getByRole("table", { name: "SKU Map" })).toContainText("CSR 1KV SEC 5G Updated");
  });

  test("a bad catalogue CSV lists its row errors and imports nothing", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/catalogue");
    const definitions = page.getByTestId("s34-license-definitions-pagination");
    await expect(definitions).toContainText("(43 Records)");
    await page.getByRole("button", { name: "Import CSV..." }).click();
    const dialog = page.getByRole("dialog", { name: "Import CSV" });
    const csv = [
      HEADER.toUpperCase(),
      `"${NEW_TAG}",,Good row,,,UNENFORCED,PERPETUAL,PREPAID,,,,,,`,
      `regid.2024-02.com.cisco.BROKEN,,Bad tag,,,UNENFORCED,PERPETUAL,PREPAID,,,,,,`,
      `"${NEW_TAG.replace("IMPORTED", "OTHER")}",,,,,STRICT,PERPETUAL,PREPAID,,,,,maybe,`,
    ].join("\n");
    await dialog.getByTestId("s34-browse-file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await dialog.getByRole("button", { name: "Import" }).click();
    const errors = dialog.getByRole("alert");
    await expect(errors).toContainText("Nothing was imported.");
    await expect(errors.getByRole("listitem")).toHaveText([
      'Row 2: entitlement tag "regid.2024-02.com.cisco.BROKEN" is not well formed.',
      "Row 3: Display Name is required.",
      "Row 3: Enforcement must be one of UNENFORCED, ENFORCED or EXPORT_CONTROLLED.",
      "Row 3: PLR must be one of yes or no.",
    ]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(definitions).toContainText("(43 Records)");
    await page.getByRole("searchbox", { name: "Search License Definitions" }).fill("E2E_IMPORTED");
    await expect(page.getByRole("table", { name: "License Definitions" })).toContainText("No Records Found");
  });
});

