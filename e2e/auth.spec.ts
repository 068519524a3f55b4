import { expect, resetDemo, test } from "./fixtures";

test.beforeAll(async ({ request }) => resetDemo(request));

async function formLogin(page: import("@playwright/test").Page, login: string, password = "Demo123!") {
  await page.getByLabel("Email or Username").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
}

test.describe("[AUTH] S-1 Login", () => {
  test("anonymous visitors are sent to /login and come back to where they were going @smoke", async ({ page }) => {
    await page.goto("/inventory/event-log");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finventory%2Fevent-log/);
    await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
    await formLogin(page, "viewer@example.com");
    await expect(page).toHaveURL(/\/inventory\/event-log$/);
    await expect(page.getByRole("navigation", { name: "Inventory" })).toBeVisible();
  });

  test("a wrong password is refused with S-1's message @smoke", async ({ page }) => {
    await page.goto("/login");
    await formLogin(page, "admin@example.com", "not-the-password");
    await expect(page.getByText("The username or password you entered is incorrect.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields get field messages", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Log In" }).click();
    await expect(page.getByText("Enter your email or username.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("signing in by CCO id works, and Log Out ends the session", async ({ page }) => {
    await page.goto("/login");
    await formLogin(page, "eg-vauser");
    await expect(page).toHaveURL(/\/inventory\/general/);
    await page.getByTestId("s2-user-menu").click();
    await page.getByRole("menuitem", { name: "Log Out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/inventory/general");
    await expect(page).toHaveURL(/\/login/);
  });

  test("Licensing Operations lands on /ops and reads every Smart Account", async ({ page }) => {
    await page.goto("/login");
    await formLogin(page, "ops@example.com");
    await expect(page).toHaveURL(/\/ops\/smart-accounts/);
    const table = page.getByRole("table");
    await expect(table.getByRole("cell", { name: "Eg-SA-01", exact: true })).toBeVisible();
    await expect(table.getByRole("cell", { name: "BU Production Test", exact: true })).toBeVisible();
  });
});

const EXPECTED: { email: string; accounts: string[]; vas?: string[] }[] = [
  { email: "admin@example.com", accounts: ["BU Production Test", "Eg-SA-01"] },
  { email: "va.admin@example.com", accounts: ["Eg-SA-01"], vas: ["Eg-VA-01", "Eg-VA-02"] },
  { email: "va.user@example.com", accounts: ["Eg-SA-01"], vas: ["Eg-VA-01", "Krakow LAN-SW"] },
  {
    email: "viewer@example.com",
    accounts: ["Eg-SA-01"],
    vas: ["Eg-VA-01", "Branch-Routers", "CORE TAC", "Eg-VA-02", "Krakow LAN-SW", "Lab-01", "MSLA-Utility", "OnPrem-Campus"],
  },
  { email: "bu.admin@example.com", accounts: ["BU Production Test"], vas: ["DEFAULT", "Device"] },
];

test.describe("[AUTH] each DD-2 user sees only their accounts", () => {
  for (const { email, accounts, vas } of EXPECTED) {
    test(email, async ({ page }) => {
      await page.goto("/login");
      await formLogin(page, email);
      if (accounts.length > 1) {
        await expect(page).toHaveURL(/\/select-account/);
        const names = await page.getByRole("table").getByRole("button").allInnerTexts();
        expect(names.sort()).toEqual(accounts);
        await page.getByRole("button", { name: accounts[1], exact: true }).click();
      }
      await expect(page).toHaveURL(/\/inventory\/general/);
      await page.getByRole("button", { name: /^Smart Account: / }).click();
      const options = page.getByRole("listbox", { name: "Smart Accounts" }).getByRole("option");
      await expect(options).toHaveCount(accounts.length);
      await page.keyboard.press("Escape");
      if (vas) {
        await page.getByTestId("s6-va-selector").click();
        const vaOptions = page.getByRole("listbox", { name: "Virtual Accounts" }).getByRole("option");
        await expect(vaOptions).toHaveCount(vas.length);
        const texts = (await vaOptions.allInnerTexts()).map((t) => t.replace(/^★\s*/, "").split("\n")[0].replace(/\d+ Major.*$/, "").trim());
        expect(texts).toEqual(vas);
      }
    });
  }
});
