import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const T0 = "2024-03-10T12:00:00Z";

/** pin the clock to the DD-1 instant and reseed, so every spec starts from the same data. */
export async function resetDemo(request: APIRequestContext, seed: "demo" | "empty" = "demo") {
  expect((await request.post("/api/test/clock", { data: { now: T0 } })).ok()).toBeTruthy();
  // A reset reseeds and recomputes every alert: allow for a slow first run on a busy machine.
  expect((await request.post("/api/test/reset", { data: { seed }, timeout: 120_000 })).ok()).toBeTruthy();
}

/** Sign in without the form (A-25 test login); the login spec itself uses the form. */
export async function loginAs(page: Page, email: string) {
  const res = await page.request.post("/api/test/login", { data: { email } });
  expect(res.ok()).toBeTruthy();
}

/** Picks a Smart Account on S-2's full-page list. */
export async function chooseSmartAccount(page: Page, name: string) {
  await page.goto("/select-account");
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page).not.toHaveURL(/select-account/);
}

export async function loginAndOpen(page: Page, email: string, path: string, smartAccount?: string) {
  await loginAs(page, email);
  if (smartAccount) await chooseSmartAccount(page, smartAccount);
  await page.goto(path);
}

export const test = base;
export { expect };
