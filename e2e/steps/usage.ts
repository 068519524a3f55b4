import fs from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

/** A file the browser downloaded, as a user would pick it again from disk. */
export type SavedFile = { name: string; buffer: Buffer };

/**
 * S-60: the simulated C1111 (DD-13) writes its next usage file with its device-led conversion data
 * (`Save Usage File` with `Include DLC data`).
 */
export async function saveDlcUsageFile(page: Page, udi = "PID:C1111-8PLTEEAWB,SN:FGL214391J3"): Promise<SavedFile> {
  await page.goto("/dev");
  const row = page.getByRole("table", { name: "Device Simulator" }).locator("tbody tr").filter({ hasText: udi });
  await row.getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Save Usage File" }).click();
  const dialog = page.getByRole("dialog", { name: "Save Usage File" });
  await dialog.getByLabel("Include DLC data").check();
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Save" }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), buffer: fs.readFileSync((await file.path())!) };
}

/** S-26: `Upload Usage Data...` → `Browse` → `Upload Data`, then `Select Virtual Accounts` → `OK`; returns the file's row. */
export async function uploadUsageFile(page: Page, file: SavedFile, virtualAccount: string): Promise<Locator> {
  await page.goto("/reports/usage-data-files");
  await page.getByRole("button", { name: "Upload Usage Data..." }).click();
  const dialog = page.getByRole("dialog", { name: "Upload Usage Data" });
  const chooser = page.waitForEvent("filechooser");
  await dialog.getByRole("button", { name: "Browse" }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: "text/xml", buffer: file.buffer });
  await dialog.getByRole("button", { name: "Upload Data" }).click();
  const select = page.getByRole("dialog", { name: "Select Virtual Accounts" });
  await select.getByLabel("Virtual account for all files").selectOption({ label: virtualAccount });
  await select.getByRole("button", { name: "OK" }).click();
  // Newest first: the row just uploaded (a pinned clock can give two files the same name).
  const row = page.getByTestId("s26-row").filter({ hasText: file.name }).first();
  await expect(select).toBeHidden();
  await expect(row).toContainText("Data Being Processed");
  return row;
}
