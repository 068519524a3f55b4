import { expect, loginAndOpen, resetDemo, test } from "./fixtures";
import type { Page } from "@playwright/test";

test.beforeEach(async ({ request }) => resetDemo(request));

function userRow(page: Page, cco: string) {
  return page.getByTestId(`s33-user-${cco}`);
}

async function rowAction(page: Page, cco: string, action: string) {
  await page.getByRole("button", { name: `Actions for ${cco}` }).click();
  await page.getByRole("menuitem", { name: action, exact: true }).click();
}

test.describe("[MANAGE] S-33 Manage Smart Account", () => {
  test("tabs and read-only account properties", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/manage-account/account-properties", "Eg-SA-01");
    await expect(page.getByRole("navigation", { name: "Manage Smart Account" }).getByRole("link")).toHaveText([
      "Account Properties",
      "Virtual Accounts",
      "Users",
      "API Clients",
    ]);
    const props = page.getByRole("region", { name: "Account Properties" });
    await expect(props).toContainText("Eg-SA-01");
    await expect(props).toContainText("eg-sa-01.example.com");
    await expect(props).toContainText("402117");
    await page.getByRole("link", { name: "Virtual Accounts" }).click();
    await expect(page.getByRole("table", { name: "Virtual Accounts" }).getByRole("row")).toHaveCount(10);
  });

  test("a Smart Account Administrator creates a new user with a VA role @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/manage-account/users", "Eg-SA-01");
    await page.getByRole("button", { name: "Add Users..." }).click();
    const dialog = page.getByRole("dialog", { name: "Add Users" });
    await dialog.getByLabel("New User").check();
    await dialog.getByLabel("Email").fill("Jane.Doe+lab@example.com");
    await dialog.getByLabel("Name").fill("Jane Doe");
    await dialog.getByLabel("Initial Password").fill("short");
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog.getByText("Password must be 8 to 128 characters.")).toBeVisible();
    await dialog.getByLabel("Initial Password").fill("Welcome-2024!");
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog.getByText("Give the user a Smart Account role or at least one virtual account role.")).toBeVisible();
    await dialog.getByLabel("Virtual Account to add").selectOption({ label: "Lab-01" });
    await dialog.getByLabel("Role to add").selectOption({ label: "Virtual Account Administrator" });
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog).toBeHidden();
    const row = userRow(page, "jane.doe-lab");
    await expect(row).toContainText("jane.doe+lab@example.com");
    await expect(row).toContainText("Lab-01: Virtual Account Administrator");

    // The new user can sign in with the initial password and sees only Lab-01.
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email or Username").fill("jane.doe+lab@example.com");
    await page.getByLabel("Password").fill("Welcome-2024!");
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByRole("button", { name: "Virtual Account: Lab-01 ▾" })).toBeVisible();
  });

  test("adding an existing user, editing roles, disabling and removing, each logged", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/manage-account/users", "Eg-SA-01");
    await page.getByRole("button", { name: "Add Users..." }).click();
    const dialog = page.getByRole("dialog", { name: "Add Users" });
    await dialog.getByLabel("Email or Username").fill("nobody@example.com");
    await dialog.getByLabel("Smart Account Role").selectOption({ label: "Smart Account Viewer" });
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog.getByText("No user found with that email or username.")).toBeVisible();
    await dialog.getByLabel("Email or Username").fill("bu.admin@example.com");
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, "bu-admin")).toContainText("Smart Account Viewer");

    await rowAction(page, "bu-admin", "Edit...");
    const edit = page.getByRole("dialog", { name: "Edit User" });
    await edit.getByLabel("Smart Account Role").selectOption({ label: "Smart Account User" });
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(userRow(page, "bu-admin")).toContainText("Smart Account User");

    await rowAction(page, "bu-admin", "Disable");
    await expect(userRow(page, "bu-admin")).toContainText("Disabled");
    await rowAction(page, "bu-admin", "Enable");
    await expect(userRow(page, "bu-admin")).toContainText("Active");

    await rowAction(page, "bu-admin", "Remove");
    await page.getByRole("dialog", { name: "Remove User" }).getByRole("button", { name: "Remove" }).click();
    await expect(userRow(page, "bu-admin")).toHaveCount(0);

    await page.goto("/activity/event-log");
    const log = page.getByRole("region", { name: "Event Log" });
    await log.getByLabel("Search by Message").fill("bu-admin");
    await log.getByLabel("Search by Message").press("Enter");
    await expect(log.getByText("bu-admin no longer has the role Smart Account User.")).toBeVisible();
    await expect(log.getByText("Access of bu-admin to this Smart Account was disabled.")).toBeVisible();
    await expect(log.getByText("bu-admin was given the role Smart Account Viewer.")).toBeVisible();
  });

  test("the last administrator cannot be removed", async ({ page }) => {
    await loginAndOpen(page, "bu.admin@example.com", "/manage-account/users");
    await rowAction(page, "bu-admin", "Remove");
    const dialog = page.getByRole("dialog", { name: "Remove User" });
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect(dialog.getByText("A Smart Account must keep at least one administrator.")).toBeVisible();
  });

  test("a Virtual Account Administrator grants roles only on their own VAs", async ({ page }) => {
    await loginAndOpen(page, "va.admin@example.com", "/manage-account/users");
    await page.getByRole("button", { name: "Add Users..." }).click();
    const dialog = page.getByRole("dialog", { name: "Add Users" });
    await expect(dialog.getByLabel("New User")).toHaveCount(0);
    await expect(dialog.getByLabel("Smart Account Role")).toHaveCount(0);
    const vaChoices = await dialog.getByLabel("Virtual Account to add").locator("option").allInnerTexts();
    expect(vaChoices).toEqual(["Eg-VA-01", "Eg-VA-02"]);
    await dialog.getByLabel("Email or Username").fill("bu-admin");
    await dialog.getByLabel("Virtual Account to add").selectOption({ label: "Eg-VA-02" });
    await dialog.getByLabel("Role to add").selectOption({ label: "Virtual Account Viewer" });
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog.getByRole("button", { name: "Add Users" }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, "bu-admin")).toContainText("Eg-VA-02: Virtual Account Viewer");
  });

  test("a Smart Account Administrator creates, renames, makes default and removes a virtual account (W-1 … W-3)", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/manage-account/virtual-accounts", "Eg-SA-01");
    await page.getByRole("button", { name: "New Virtual Account..." }).click();
    const create = page.getByRole("dialog", { name: "New Virtual Account" });
    await create.getByLabel("Name").fill("lab-01");
    await create.getByRole("button", { name: "Create Virtual Account" }).click();
    await expect(create.getByText('A virtual account named "lab-01" already exists.')).toBeVisible();
    await create.getByLabel("Name").fill("Spare/Pool");
    await create.getByRole("button", { name: "Create Virtual Account" }).click();
    await expect(create.getByText("Virtual account name cannot contain / \\ ? # or %.")).toBeVisible();
    await create.getByLabel("Name").fill("Spare-Pool");
    await create.getByLabel("Description").fill("Licenses not yet in use");
    await create.getByLabel("eg-viewer (viewer@example.com)").check();
    await create.getByRole("button", { name: "Create Virtual Account" }).click();
    await expect(create).toBeHidden();
    const row = page.getByTestId("s33-va-Spare-Pool");
    await expect(row).toContainText("Licenses not yet in use");

    await page.getByRole("button", { name: "Actions for Spare-Pool" }).click();
    await page.getByRole("menuitem", { name: "Edit..." }).click();
    const edit = page.getByRole("dialog", { name: "Edit Virtual Account" });
    await edit.getByLabel("Name").fill("Spare-Licenses");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("s33-va-Spare-Licenses")).toBeVisible();

    await page.getByRole("button", { name: "Actions for Spare-Licenses" }).click();
    await page.getByRole("menuitem", { name: "Make Default" }).click();
    await expect(page.getByTestId("s33-va-Spare-Licenses")).toContainText("★ Yes");
    await expect(page.getByTestId("s33-va-Eg-VA-01")).toContainText("No");

    // The default and a VA holding licenses list their blockers; Remove stays disabled.
    await page.getByRole("button", { name: "Actions for Krakow LAN-SW" }).click();
    await page.getByRole("menuitem", { name: "Remove..." }).click();
    const blocked = page.getByRole("dialog", { name: "Remove Virtual Account" });
    await expect(blocked.getByRole("list", { name: "What blocks removal" })).toContainText("Virtual account still has 7 product instances.");
    await expect(blocked.getByRole("button", { name: "Remove" })).toBeDisabled();
    await blocked.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Actions for Spare-Licenses" }).click();
    await page.getByRole("menuitem", { name: "Remove..." }).click();
    await expect(page.getByRole("dialog", { name: "Remove Virtual Account" })).toContainText("Virtual account is the default.");
    await page.getByRole("dialog", { name: "Remove Virtual Account" }).getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Actions for Eg-VA-01" }).click();
    await page.getByRole("menuitem", { name: "Make Default" }).click();
    await expect(page.getByTestId("s33-va-Eg-VA-01")).toContainText("★ Yes");
    await page.getByRole("button", { name: "Actions for Spare-Licenses" }).click();
    await page.getByRole("menuitem", { name: "Remove..." }).click();
    await page.getByRole("dialog", { name: "Remove Virtual Account" }).getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("s33-va-Spare-Licenses")).toHaveCount(0);
  });

  test("Smart Account Viewers see Users read-only", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/manage-account/users");
    await expect(userRow(page, "eg-admin")).toContainText("Smart Account Administrator");
    await expect(page.getByRole("button", { name: "Add Users..." })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  });
});
