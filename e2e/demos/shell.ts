import { expect } from "@playwright/test";
import type { Tour } from "../../scripts/demo/types";

/** The CSSM shell as admin@example.com: login, account choice, Inventory, Activity, Manage Smart Account, switching accounts, logout. */
const shell: Tour = {
  name: "shell",
  title: "The Smart Software Licensing shell",
  description: "log in, choose a Smart Account, Inventory, Event Logs, Manage Smart Account › Users, switch account, log out",
  order: 10,
  async run({ page, shot }) {
    const mainNav = page.getByRole("navigation", { name: "Smart Software Licensing" });
    const userMenu = page.getByTestId("s2-user-menu");

    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Log In" })).toBeVisible();
    await shot("The login page; the demo users are listed below the form");

    await page.getByLabel("Email or Username").fill("admin@example.com");
    await page.getByLabel("Password").fill("Demo123!");
    await shot("Log in as admin@example.com with the demo password Demo123!", { slug: "log-in-as-admin" });
    await page.getByRole("button", { name: "Log In" }).click();

    await page.waitForURL("**/select-account**");
    await expect(page.getByRole("button", { name: "Eg-SA-01", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "BU Production Test", exact: true })).toBeVisible();
    await shot("admin belongs to two Smart Accounts, so the portal asks which one to open");

    await page.getByRole("button", { name: "Eg-SA-01", exact: true }).click();
    await page.waitForURL("**/inventory/general**");
    const vaSelector = page.getByRole("button", { name: /^Virtual Account:/ });
    await expect(vaSelector).toBeVisible();
    await expect(page.getByRole("button", { name: "Smart Account: Eg-SA-01" })).toBeVisible();
    await shot("Inventory › General of Eg-SA-01, opened on the default Virtual Account");

    await vaSelector.click();
    await expect(page.getByRole("listbox", { name: "Virtual Accounts" })).toBeVisible();
    await shot("The Virtual Account selector: ★ marks the default, with Major and Minor alert counts per account");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("listbox", { name: "Virtual Accounts" })).toBeHidden();

    await page.getByRole("navigation", { name: "Inventory" }).getByRole("link", { name: "Event Log" }).click();
    await page.waitForURL("**/inventory/event-log**");
    await shot("Inventory › Event Log: what happened in this Virtual Account");

    await mainNav.getByRole("link", { name: "Activity" }).click();
    await page.waitForURL("**/activity/**");
    await page.getByRole("navigation", { name: "Activity" }).getByRole("link", { name: "Event Log" }).click();
    await page.waitForURL("**/activity/event-log**");
    await shot("Activity › Event Log: events of the whole Smart Account");

    await userMenu.click();
    await expect(page.getByRole("menuitem", { name: "Manage Smart Account" })).toBeVisible();
    await shot("The user menu: Preferences, Manage Smart Account, API Clients and Log Out");
    await page.getByRole("menuitem", { name: "Manage Smart Account" }).click();
    await page.waitForURL("**/manage-account/**");
    await page.getByRole("navigation", { name: "Manage Smart Account" }).getByRole("link", { name: "Users" }).click();
    await page.waitForURL("**/manage-account/users**");
    await shot("Manage Smart Account › Users: who has which role in Eg-SA-01");

    await page.getByRole("button", { name: "Smart Account: Eg-SA-01" }).click();
    const search = page.getByRole("textbox", { name: "Search Smart Accounts" });
    await expect(search).toBeVisible();
    await search.fill("BU");
    await shot("The Smart Account selector: search, then pick BU Production Test");
    await page.getByRole("listbox", { name: "Smart Accounts" }).getByRole("button", { name: /BU Production Test/ }).click();
    await expect(page.getByRole("button", { name: "Smart Account: BU Production Test" })).toBeVisible({ timeout: 30_000 });
    await shot("Now in BU Production Test, where admin is a Smart Account User");

    await userMenu.click();
    await page.getByRole("menuitem", { name: "Log Out" }).click();
    await page.waitForURL("**/login**");
    await expect(page.getByRole("button", { name: "Log In" })).toBeVisible();
    await shot("Logged out: back on the login page");
  },
};

export default shell;
