import fs from "node:fs";
import type { Page } from "@playwright/test";
import { uuidv5 } from "../lib/ids";
import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

test.beforeEach(async ({ request }) => resetDemo(request));

const table = (page: Page) => page.getByRole("table", { name: "Registration Tokens" });
const rows = (page: Page) => page.getByTestId("s7-token-row");

async function openGeneral(page: Page, email = "admin@example.com") {
  await loginAndOpen(page, email, "/inventory/general", email === "admin@example.com" ? "Eg-SA-01" : undefined);
  await expect(page.getByRole("heading", { name: "Product Instance Registration Tokens" })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
}

async function createToken(page: Page, fields: { description?: string; expireAfter?: string; maxUses?: string }) {
  await page.getByRole("button", { name: "New Token..." }).click();
  const dialog = page.getByRole("dialog", { name: "Create Registration Token" });
  if (fields.description !== undefined) await dialog.getByLabel("Description :").fill(fields.description);
  if (fields.expireAfter !== undefined) await dialog.getByLabel("Expire After:").fill(fields.expireAfter);
  if (fields.maxUses !== undefined) await dialog.getByLabel("Max. Number of Uses:").fill(fields.maxUses);
  await dialog.getByRole("button", { name: "Create Token" }).click();
  return dialog;
}

test.describe("[TOKENS] S-7 / S-8 registration tokens", () => {
  test("the DD-7 token is listed, and a new token appears at the top of the table @smoke", async ({ page }) => {
    await openGeneral(page);
    await expect(table(page).getByRole("columnheader")).toHaveText([
      "Token",
      "Expiration Date",
      "Uses",
      "Export-Controlled",
      "Description",
      "Created By",
      "Actions",
    ]);
    await expect(rows(page)).toHaveCount(1);
    const seeded = rows(page).first();
    await expect(seeded.getByRole("cell").nth(0)).toHaveText(/^.{18}\.\.$/);
    await expect(seeded.getByRole("cell").nth(1)).toHaveText("2024-Apr-03 12:00:00 (in 24 days)");
    await expect(seeded.getByRole("cell").nth(2)).toHaveText("1 of 100");
    await expect(seeded.getByRole("cell").nth(3)).toHaveText("Allowed");
    await expect(seeded.getByRole("cell").nth(5)).toHaveText("eg-admin");
    await expect(page.getByTestId("s7-token-count")).toHaveText("Showing 1 Record");

    await page.getByRole("button", { name: "New Token..." }).click();
    const create = page.getByRole("dialog", { name: "Create Registration Token" });
    await expect(create.getByLabel("Virtual Account:")).toHaveValue("Eg-VA-01");
    await expect(create.getByLabel("Description :")).toHaveAttribute("placeholder", "Description");
    await expect(create.getByLabel("Expire After:")).toHaveValue("30");
    await expect(create.getByText("Between 1 - 365, 30 days recommended")).toBeVisible();
    await expect(create.getByText("The token will be expired when either the expiration or the maximum uses is reached")).toBeVisible();
    await expect(create.getByLabel("Allow export-controlled functionality on the products registered with this token")).toBeChecked();
    await create.getByLabel("Description :").fill("E2E rollout");
    await create.getByLabel("Max. Number of Uses:").fill("5");
    await create.getByLabel("Allow export-controlled functionality on the products registered with this token").uncheck();
    await create.getByRole("button", { name: "Create Token" }).click();
    await expect(create).toBeHidden();

    const tokenDialog = page.getByRole("dialog", { name: "Token" });
    await expect(tokenDialog).toBeVisible();
    await expect(page.getByText("The registration token was created.")).toBeVisible();
    const area = tokenDialog.getByRole("textbox", { name: "Token" });
    const shown = await area.inputValue();
    expect(shown.split("\n").map((l) => l.length)).toEqual([63, 63, expect.any(Number)]);
    expect(await area.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, shown.length]);
    await expect(tokenDialog.getByText("Press ctrl + c to copy selected text to clipboard.")).toBeVisible();
    await tokenDialog.getByTestId("s8-close").click();
    await expect(tokenDialog).toBeHidden();

    await expect(rows(page)).toHaveCount(2);
    const fresh = rows(page).first();
    await expect(fresh.getByRole("cell").nth(0)).toHaveText(`${shown.replace(/\n/g, "").slice(0, 18)}..`);
    await expect(fresh.getByRole("cell").nth(1)).toHaveText("2024-Apr-09 12:00:00 (in 30 days)");
    await expect(fresh.getByRole("cell").nth(2)).toHaveText("0 of 5");
    await expect(fresh.getByRole("cell").nth(3)).toHaveText("Not Allowed");
    await expect(fresh.getByRole("cell").nth(4)).toHaveText("E2E rollout");
    await expect(fresh.getByRole("cell").nth(5)).toHaveText("eg-admin");
    await expect(page.getByTestId("s7-token-count")).toHaveText("Showing All 2 Records");
  });

  test("the Token dialog copies and downloads the token; revoking hides it unless expired and revoked are shown", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openGeneral(page);
    await rows(page).first().getByTestId("s7-token").click();
    const tokenDialog = page.getByRole("dialog", { name: "Token" });
    const area = tokenDialog.getByRole("textbox", { name: "Token" });
    await expect(area).not.toHaveValue("");
    const token = (await area.inputValue()).replace(/\n/g, "");
    expect(token).toMatch(/^[A-Za-z0-9]+(%0A|%3D|%2B|%2F|[A-Za-z0-9])*%0A$/);

    await tokenDialog.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByText("The token was copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const [download] = await Promise.all([page.waitForEvent("download"), tokenDialog.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toBe("Eg-VA-01_token_20240310.txt");
    expect(fs.readFileSync((await download.path())!, "utf8")).toBe(`${token}\n`);
    await tokenDialog.getByTestId("s8-close").click();

    // The same download from the row's Actions menu.
    await rows(page).first().getByRole("button", { name: /^Actions for token/ }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Copy", "Download", "Revoke..."]);
    const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Download" }).click()]);
    expect(fs.readFileSync((await again.path())!, "utf8")).toBe(`${token}\n`);

    await rows(page).first().getByRole("button", { name: /^Actions for token/ }).click();
    await page.getByRole("menuitem", { name: "Revoke..." }).click();
    const revoke = page.getByRole("dialog", { name: "Revoke Token" });
    await revoke.getByLabel("Reason").fill("Rotated after the pilot");
    await revoke.getByRole("button", { name: "Revoke Token" }).click();
    await expect(revoke).toBeHidden();
    await expect(page.getByText("The registration token was revoked.")).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await expect(table(page).getByText("No Records to Display")).toBeVisible();

    await page.getByLabel("Show expired and revoked tokens").check();
    await expect(rows(page)).toHaveCount(2);
    for (const i of [0, 1]) {
      const cell = rows(page).nth(i).getByRole("cell").nth(1);
      await expect(cell).toHaveText("Revoked");
      await expect(cell).toHaveClass(/text-red-700/);
      await expect(rows(page).nth(i).getByRole("button", { name: /^Actions for token/ })).toBeVisible();
    }
    await expect(rows(page).nth(1).getByRole("cell").nth(4)).toHaveText("Lab bring-up");
    await rows(page).first().getByRole("button", { name: /^Actions for token/ }).click();
    await expect(page.getByRole("menuitem")).toHaveText(["Copy", "Download"]);
  });

  test("field messages for Expire After 0 and 366 and Max. Number of Uses 0; nothing is created", async ({ page }) => {
    await openGeneral(page);
    const dialog = await createToken(page, { expireAfter: "0" });
    await expect(dialog.getByText("Enter a number of days between 1 and 365.")).toBeVisible();
    await dialog.getByLabel("Expire After:").fill("366");
    await dialog.getByRole("button", { name: "Create Token" }).click();
    await expect(dialog.getByText("Enter a number of days between 1 and 365.")).toBeVisible();
    await dialog.getByLabel("Expire After:").fill("365");
    await dialog.getByLabel("Max. Number of Uses:").fill("0");
    await dialog.getByRole("button", { name: "Create Token" }).click();
    await expect(dialog.getByText("Maximum uses must be a whole number between 1 and 1000000.")).toBeVisible();
    await expect(dialog.getByText("Enter a number of days between 1 and 365.")).toBeHidden();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(rows(page)).toHaveCount(1);
  });

  test("a viewer sees the tokens but no New Token... and no actions", async ({ page }) => {
    await openGeneral(page, "viewer@example.com");
    await expect(page.getByRole("button", { name: "New Token..." })).toHaveCount(0);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first().getByTestId("s7-token")).toHaveCount(0);
    await expect(rows(page).first().getByRole("cell").nth(6)).toHaveText("Actions");
    await expect(rows(page).first().getByRole("button")).toHaveCount(0);
    // The DD-7 token's id (DD-1); the server refuses its plain text to a viewer as well.
    const seeded = uuidv5("registration-token:Eg-SA-01/Eg-VA-01/main");
    expect((await page.request.get(`/api/ui/tokens/${seeded}/download`)).status()).toBe(403);
    expect((await page.request.get(`/api/ui/tokens/${seeded}`)).status()).toBe(403);
    expect((await page.request.get("/api/ui/tokens/00000000-0000-4000-8000-000000000000/download")).status()).toBe(404);
  });
});
