import fs from "node:fs";
import type { Page } from "@playwright/test";
import { builtinRumKey, rumSignatureMatches } from "../lib/usage/format/signature";
import { readUsageXml } from "../tests/helpers/usage-file";
import { expect, loginAndOpen, resetDemo, T0, test } from "./fixtures";

const C1111 = "PID:C1111-8PLTEEAWB,SN:FGL214391J3";
const APPX = "Cisco 1100 Series with 8 LAN Ports, AppX License";
/** DD-6: the C1111 last reported at T0−10d; its next report id follows (DD-13). */
const C1111_NEXT_ID = Date.parse(T0) / 1000 - 10 * 86_400 + 1;

test.beforeAll(async ({ request }) => resetDemo(request));

function simulator(page: Page) {
  return page.getByRole("table", { name: "Device Simulator" });
}
function deviceRow(page: Page, udi: string) {
  return simulator(page).locator("tbody tr").filter({ hasText: udi });
}
async function deviceAction(page: Page, udi: string, item: string) {
  await deviceRow(page, udi).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

test.describe("[DEV] S-60 demo tools", () => {
  test("the Device Simulator lists the DD-13 devices @smoke", async ({ page }) => {
    await loginAndOpen(page, "va.user@example.com", "/dev");
    await expect(page.getByRole("heading", { name: "Device Simulator" })).toBeVisible();
    const table = simulator(page);
    await expect(table.getByRole("columnheader")).toHaveText(["UDI", "Hostname", "Licenses", "Utility", "Trust", "Next Report Id", "Actions"]);
    // 36 DD-6 instances that report usage, 2 CSLU devices (DD-12) and the trust demo device.
    await expect(table.locator("tfoot")).toHaveText("Showing All 39 Records");
    const c1111 = deviceRow(page, C1111);
    await expect(c1111).toContainText(`1 × ${APPX}`);
    await expect(c1111).toContainText("1 × ISR_1100_8P_Hsec");
    await expect(c1111.locator("td").nth(5)).toHaveText(String(C1111_NEXT_ID));
    await expect(deviceRow(page, "PID:C8300-1N1S-4T2X,SN:FDO2250A0J5").locator("td").nth(1)).toHaveText("br-rtr-01");
    await expect(deviceRow(page, "PID:C8000V,SN:93POM8FF9IZ").locator("td").nth(3)).toHaveText("Enabled");
    await expect(deviceRow(page, "PID:C8000V,SN:9ZZTRUSTDEMO").locator("td").nth(4)).toHaveText("-");

    await deviceRow(page, C1111).getByRole("button", { name: "Actions" }).click();
    const push = page.getByRole("menuitem", { name: "Push to CSLU" });
    await expect(push).toHaveAttribute("aria-disabled", "true");
    await expect(push).toHaveAttribute("title", /not built yet/);
    await expect(page.getByRole("menuitem", { name: "Push to On-Prem" })).toHaveAttribute("aria-disabled", "true");
    await page.keyboard.press("Escape");

    await page.getByRole("link", { name: "Traditional device tools" }).click();
    await expect(page).toHaveURL(/\/dev\/traditional$/);
  });

  test("Save Usage File downloads a signed F-1 document and advances the report id @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/dev");
    await deviceAction(page, C1111, "Save Usage File");
    const dialog = page.getByRole("dialog", { name: "Save Usage File" });
    await expect(dialog.getByLabel("Include trust request")).toBeChecked();
    await dialog.getByLabel("Include DLC data").check();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Save" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`dev_FGL214391J3_${Date.parse(T0) / 1000}.xml`);
    const children = readUsageXml(fs.readFileSync((await file.path())!, "utf8"));
    expect(children.map((c) => c.element)).toEqual(["TrustCodeRequest", "InstanceInfo", "RUMReport", "RUMReport", "RUMReport", "RUMReport", "DLCReport"]);
    const reports = children.filter((c) => c.element === "RUMReport").map((c) => c.body as { payload: string; signature: { value: string } });
    for (const r of reports) expect(rumSignatureMatches(builtinRumKey("C1111-8PLTEEAWB", "FGL214391J3"), r.payload, r.signature.value)).toBe(true);
    expect(reports.map((r) => JSON.parse(r.payload).asset_identification.report_id)).toEqual([0, 1, 2, 3].map((i) => C1111_NEXT_ID + i));
    const dlc = children.at(-1)!.body as { conversion_lines: { sku: string }[] };
    expect(dlc.conversion_lines.map((l) => l.sku)).toEqual(["C1111-8P-APPX", "FL-1100-8P-SEC", "FL-1100-8P-HSEC="]);
    await expect(dialog).toBeHidden();
    await expect(deviceRow(page, C1111).locator("td").nth(5)).toHaveText(String(C1111_NEXT_ID + 4));
  });

  test("Edit Usage changes a count and checks it", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/dev");
    await deviceAction(page, C1111, "Edit Usage");
    const dialog = page.getByRole("dialog", { name: "Edit Usage" });
    const count = dialog.getByLabel(`Count of ${APPX}`);
    await count.fill("");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Enter a whole number from 0 to 1000000.");
    await count.fill("3");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(deviceRow(page, C1111)).toContainText(`3 × ${APPX}`);
    await page.reload();
    await expect(deviceRow(page, C1111)).toContainText(`3 × ${APPX}`);
  });

  test("Save Return Code shows the F-10 code of an installed authorization, or says there is none", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/dev");
    await deviceAction(page, "PID:CSR1000V,SN:95QS2T1KUJX", "Save Return Code");
    const dialog = page.getByRole("dialog", { name: "Save Return Code" });
    await expect(dialog.getByText("SLR return code:")).toBeVisible();
    await expect(dialog.getByTestId("s60-return-code")).toHaveText(/^C[0-9A-Za-z]{5}(-[0-9A-Za-z]{6}){7}-[0-9A-Za-z]{3}$/);
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download as File" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("ReturnCode_CSR1000V_95QS2T1KUJX.txt");
    expect(fs.readFileSync((await file.path())!, "utf8")).toMatch(/^UDI: PID:CSR1000V,SN:95QS2T1KUJX\nReturn code: C\S{58}\n$/);
    await dialog.getByTestId("s60-close").click();

    await deviceAction(page, "PID:C8000V,SN:9ZZTRUSTDEMO", "Save Return Code");
    await expect(page.getByText("This device holds no authorization code, so there is nothing to return.")).toBeVisible();
  });

  test("Import File refuses what is not a signed portal file", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/dev");
    await deviceAction(page, "PID:C8000V,SN:9ZZTRUSTDEMO", "Import File");
    const dialog = page.getByRole("dialog", { name: "Import File" });
    await dialog.getByLabel("File").setInputFiles({ name: "ACK_usage.txt", mimeType: "text/plain", buffer: Buffer.from("<smartLicense><smartLicenseRumAck><data><![CDATA[{\"type\":\"rum_ack\"}]]></data><signature algorithm=\"ES256\" keyId=\"k-1999-01\">MEUCIQ==</signature></smartLicenseRumAck></smartLicense>") });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Data and signature do not match");
    await dialog.getByLabel("File").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello device") });
    await dialog.getByRole("button", { name: "Import" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("The file is not an ACK, policy, SLAC, SLR or PLR code.");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(deviceRow(page, "PID:C8000V,SN:9ZZTRUSTDEMO").locator("td").nth(4)).toHaveText("-");
  });

  test("the Mailbox lists the daily alert summary the job sent", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/preferences");
    await page.getByLabel("Insufficient Licenses Include in Daily Summary").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Preferences saved.")).toBeVisible();
    // The daily job runs at the next midnight (W-56).
    expect((await page.request.post("/api/test/clock", { data: { now: "2024-03-11T00:30:00Z" } })).ok()).toBeTruthy();
    expect((await page.request.post("/api/test/run-jobs", { timeout: 120_000 })).ok()).toBeTruthy();

    await page.goto("/dev/mailbox");
    const message = page.getByRole("article", { name: "Daily alert summary for Eg-SA-01 (2024-Mar-11)" });
    await expect(message).toBeVisible();
    await expect(message).toContainText("viewer@example.com");
    await expect(message).toContainText("2024-Mar-11 00:30:00");
    await expect(message).toContainText('Major - Insufficient Licenses: The virtual account "Krakow LAN-SW" is using 1 more');
    await expect(page.getByRole("status")).toHaveText("Showing Page 1 of 1 (1 Records)");
  });

  test("Reset Demo Data asks for confirmation, then reseeds @smoke", async ({ page }) => {
    expect((await page.request.post("/api/test/clock", { data: { now: T0 } })).ok()).toBeTruthy();
    await loginAndOpen(page, "admin@example.com", "/dev");
    await deviceAction(page, C1111, "Edit Usage");
    const edit = page.getByRole("dialog", { name: "Edit Usage" });
    await edit.getByLabel(`Count of ${APPX}`).fill("5");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(deviceRow(page, C1111)).toContainText(`5 × ${APPX}`);

    await page.getByRole("button", { name: "Reset Demo Data" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset Demo Data" });
    await expect(dialog).toContainText("The signing keys and the reference data stay");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(deviceRow(page, C1111)).toContainText(`5 × ${APPX}`);

    await page.getByRole("button", { name: "Reset Demo Data" }).click();
    await dialog.getByRole("button", { name: "Reset Demo Data" }).click();
    await expect(page.getByText("The demo data was reset.")).toBeVisible({ timeout: 120_000 });
    await expect(dialog).toBeHidden();
    await expect(deviceRow(page, C1111)).toContainText(`1 × ${APPX}`);
    await expect(deviceRow(page, C1111).locator("td").nth(5)).toHaveText(String(C1111_NEXT_ID));
    await page.goto("/dev/mailbox");
    await expect(page.getByText("No Records to Display")).toBeVisible();
  });

  test("anonymous visitors are sent to log in", async ({ page }) => {
    await page.goto("/dev/mailbox");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdev%2Fmailbox/);
    await expect(page.getByRole("region", { name: "Demo users" })).toBeVisible();
  });
});
