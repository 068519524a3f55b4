import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

test.beforeEach(async ({ request }) => resetDemo(request));

test.describe("[OPS] S-34 Licensing Operations console", () => {
  test("creates a Smart Account, assigns its first administrator, and logs both @smoke", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/smart-accounts");
    await page.getByRole("button", { name: "New Smart Account..." }).click();
    const dialog = page.getByRole("dialog", { name: "Create Smart Account" });
    await dialog.getByLabel("Account Name").fill("Eg-SA-01");
    await dialog.getByLabel("Domain").fill("-bad");
    await dialog.getByRole("button", { name: "Create Smart Account" }).click();
    await expect(dialog.getByText("Enter a valid domain, such as example.com.")).toBeVisible();
    await dialog.getByLabel("Domain").fill("acme.example.com");
    await dialog.getByRole("button", { name: "Create Smart Account" }).click();
    await expect(dialog.getByText('A Smart Account named "Eg-SA-01" already exists.')).toBeVisible();
    await dialog.getByLabel("Account Name").fill("Acme Corp");
    await dialog.getByRole("button", { name: "Create Smart Account" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("s34-sa-Acme Corp")).toContainText("acme.example.com");

    await page.getByRole("button", { name: "Actions for Acme Corp" }).click();
    await page.getByRole("menuitem", { name: "Assign Administrator..." }).click();
    const assign = page.getByRole("dialog", { name: "Assign Administrator" });
    await assign.getByLabel("Email").fill("viewer@example.com");
    await assign.getByRole("button", { name: "Assign" }).click();
    await expect(assign).toBeHidden();
    await expect(page.getByText("viewer@example.com is now the administrator of Acme Corp.")).toBeVisible();
    // With an administrator in place the row offers no action any more.
    await expect(page.getByTestId("s34-sa-Acme Corp").getByText("Actions", { exact: true })).toHaveAttribute("aria-disabled", "true");

    await page.getByRole("link", { name: "Event Log" }).click();
    const log = page.getByRole("region", { name: "Event Log" });
    await expect(log.getByText(/^Smart Account "Acme Corp" \(acme\.example\.com, account id \d{6}\) was created/)).toBeVisible();
    await expect(log.getByText("eg-viewer was given the role Smart Account Administrator.")).toBeVisible();
  });

  test("toggles an account flag (W-54)", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/smart-accounts");
    const flag = page.getByLabel("Permanent License Reservation of BU Production Test");
    await expect(flag).not.toBeChecked();
    await flag.check();
    await expect(page.getByText("Permanent License Reservation of BU Production Test: Enabled.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Permanent License Reservation of BU Production Test")).toBeChecked();
  });

  test("deposits an order into a virtual account (W-52)", async ({ page }) => {
    await loginAndOpen(page, "ops@example.com", "/ops/orders");
    await page.getByRole("button", { name: "New Order..." }).click();
    const dialog = page.getByRole("dialog", { name: "New Order" });
    await dialog.getByLabel("Smart Account").selectOption({ label: "Eg-SA-01" });
    await dialog.getByLabel("Virtual Account").selectOption({ label: "Lab-01" });
    await dialog.getByLabel("Order Number").fill("107399001");
    await dialog.getByLabel("License").selectOption({ label: "ISE_BASE" });
    await dialog.getByLabel("SKU").fill("L-ISE-BASE-100");
    await dialog.getByLabel("Quantity").fill("0");
    await dialog.getByRole("button", { name: "Create Order" }).click();
    await expect(dialog.getByText("Quantity must be at least 1.")).toBeVisible();
    await dialog.getByLabel("Quantity").fill("100");
    await dialog.getByRole("button", { name: "Create Order" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("table", { name: "Orders" })).toContainText("107399001");

    // The administrator of Eg-SA-01 sees the deposit in Lab-01's event log.
    await page.context().clearCookies();
    await loginAndOpen(page, "admin@example.com", "/manage-account/virtual-accounts", "Eg-SA-01");
    await expect(page.getByTestId("s33-va-Lab-01")).toContainText("100");
  });

  test("is not found for anyone but Licensing Operations", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/ops/orders", "Eg-SA-01");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
