import fs from "node:fs";
import type { Page } from "@playwright/test";
import { EG_SA, saId } from "../lib/seed/demo/ids";
import { entitlementTag } from "../lib/seed/reference";
import { findSignedElements, verifySignedElement } from "../lib/signing/document";
import { rumEnvelope, rumPayload, usageXml } from "../lib/usage/format/rum-writer";
import { usageTar } from "../lib/usage/format/tar-writer";
import { expect, loginAndOpen, resetDemo, T0, test } from "./fixtures";

const END = Math.floor(Date.parse(T0) / 1000) - 3600;

/** A signed usage file (F-1) for one new switch, written with the app's own writer. */
function usageFile(sn: string, reportId: number): string {
  const udi = { udiPid: "C9300-24UX", udiSn: sn };
  const payload = rumPayload({ ...udi, shape: "B", reportId, entitlementTag: entitlementTag(27), measurements: [{ startTime: END - 86_400, endTime: END, count: 1 }] });
  return usageXml([{ element: "RUMReport", body: rumEnvelope(payload, udi) }]);
}

/** Drops a file on the drop zone the way a browser does: a real `drop` event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, content: string | Buffer) {
  const zone = page.getByTestId("s26-drop-zone");
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      return dt;
    },
    { name, base64: Buffer.from(content).toString("base64") },
  );
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

const rowOf = (page: Page, fileName: string) => page.getByTestId("s26-row").filter({ has: page.getByRole("cell", { name: fileName, exact: true }) });

test.beforeAll(async ({ request }) => resetDemo(request));

test.describe("[USAGE] S-26 Reports › Usage Data Files", () => {
  test("drag a usage file in, pick a virtual account, wait for No Errors and download a signed ACK @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/usage-data-files", "Eg-SA-01");
    const table = page.getByRole("table", { name: "Usage Data Files" });
    await expect(table.getByRole("columnheader")).toHaveText(["+", "Usage Data File", "Reported", "Virtual Account", "Reporting Status", "Devices", "Acknowledged"]);
    await expect(rowOf(page, "usage_report")).toContainText("ℹ No Errors");
    await expect(rowOf(page, "rum_branch.xml")).toContainText("⚠ Errors");
    await expect(page.getByTestId("s26-pagination").getByRole("status")).toHaveText("Showing Page 1 of 1 (3 Records)");

    await page.getByRole("button", { name: "Upload Usage Data..." }).click();
    const dialog = page.getByRole("dialog", { name: "Upload Usage Data" });
    await expect(dialog.getByText("Accepted types: .tar, .tar.gz, .tgz, .xml, .txt, or no extension.")).toBeVisible();
    await dropFile(page, "rum_e2e.xml", usageFile("FOCE2E00001", 424242));
    await expect(dialog.getByTestId("s26-usage-data-file")).toHaveText("rum_e2e.xml");
    await dialog.getByRole("button", { name: "Upload Data" }).click();

    const select = page.getByRole("dialog", { name: "Select Virtual Accounts" });
    await expect(select.getByText("Please select an account:")).toBeVisible();
    await expect(select.getByRole("row", { name: /rum_e2e\.xml/ })).toContainText("2024-Mar-10");
    await select.getByRole("radio", { name: "Select one account for all files:" }).check();
    await select.getByLabel("Virtual account for all files").selectOption({ label: "Eg-VA-02" });
    await select.getByRole("button", { name: "OK" }).click();
    await expect(select).toBeHidden();

    const row = rowOf(page, "rum_e2e.xml");
    await expect(row).toContainText("⚠ Data Being Processed");
    await expect(row.getByRole("cell").nth(5)).toHaveText("0");
    await expect(row.getByRole("cell").nth(6)).toHaveText("Pending");
    expect((await page.request.post("/api/test/run-jobs")).ok()).toBeTruthy();
    // The list polls every 2 s while a file is being processed.
    await expect(row).toContainText("ℹ No Errors");
    await expect(row.getByRole("cell").nth(3)).toHaveText("Eg-VA-02");
    await expect(row.getByRole("cell").nth(5)).toHaveText("1");

    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "Download" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("ACK_rum_e2e.txt");
    const xml = fs.readFileSync((await file.path())!, "utf8");
    const keys = (await (await page.request.get("/api/ui/usage-files/signing-keys")).json()) as { keys: { keyId: string; publicPem: string }[] };
    const pems = new Map(keys.keys.map((k) => [k.keyId, k.publicPem]));
    const signed = findSignedElements(xml);
    expect(signed.map((s) => s.element)).toEqual(["smartLicenseRumAck", "smartLicensePolicy"]);
    for (const s of signed) expect(verifySignedElement(s, pems)).toBe(true);
    const data = JSON.parse(signed[0].dataText);
    expect(data.reports).toEqual([{ udi: { udi_pid: "C9300-24UX", udi_serial_number: "FOCE2E00001" }, report_id: 424242, status: "ACK", message: "" }]);
    expect(verifySignedElement({ ...signed[0], dataText: signed[0].dataText.replace('"ACK"', '"ERROR"') }, pems)).toBe(false);

    await row.getByRole("button", { name: "Expand rum_e2e.xml" }).click();
    const reports = page.getByRole("table", { name: "Reports in rum_e2e.xml" });
    await expect(reports.getByRole("columnheader")).toHaveText(["Report Id", "UDI", "License", "Count", "Status", "Message"]);
    await expect(reports.getByRole("row", { name: /424242/ })).toContainText("UDI_PID:C9300-24UX; UDI_SN:FOCE2E00001;");
    await expect(reports.getByRole("row", { name: /424242/ })).toContainText("C9300-24 Network Advantage");
  });

  test("shows a refused upload's message inline and keeps the dialog open", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/usage-data-files", "Eg-SA-01");
    await page.getByRole("button", { name: "Upload Usage Data..." }).click();
    const dialog = page.getByRole("dialog", { name: "Upload Usage Data" });
    await dialog.getByTestId("s26-file-input").setInputFiles({
      name: "hostile.xml",
      mimeType: "text/xml",
      buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><smartLicense>&e;</smartLicense>'),
    });
    await dialog.getByRole("button", { name: "Upload Data" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("The file contains a document type declaration, which is not allowed.");
    await dropFile(page, "setup.exe", "MZ");
    await dialog.getByRole("button", { name: "Upload Data" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Unsupported file type. Upload a .tar, .tar.gz, .xml or .txt usage file.");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(rowOf(page, "hostile.xml")).toHaveCount(0);
  });

  test("a tar naming an unknown virtual account opens Select Virtual Accounts; Cancel leaves it waiting", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/usage-data-files", "Eg-SA-01");
    const bundle = await usageTar({
      smartAccount: "Eg-SA-01",
      gzip: true,
      members: [
        { name: "dev_FOCE2E00002_1710068400.xml", content: usageFile("FOCE2E00002", 1), va: "No Such VA" },
        { name: "dev_FOCE2E00003_1710068400.xml", content: usageFile("FOCE2E00003", 1), va: "Krakow LAN-SW" },
      ],
    });
    await page.getByRole("button", { name: "Upload Usage Data..." }).click();
    await dropFile(page, "UD_20240310T110000.tar.gz", bundle);
    await page.getByRole("dialog", { name: "Upload Usage Data" }).getByRole("button", { name: "Upload Data" }).click();
    const select = page.getByRole("dialog", { name: "Select Virtual Accounts" });
    await expect(select.getByRole("row", { name: /dev_FOCE2E00002/ })).toBeVisible();
    await expect(select.getByRole("row", { name: /dev_FOCE2E00003/ })).toHaveCount(0);
    await select.getByRole("button", { name: "Cancel" }).click();

    const row = rowOf(page, "UD_20240310T110000.tar.gz");
    await expect(row).toContainText("Awaiting Virtual Account");
    await row.getByRole("button", { name: "Select..." }).click();
    await select.getByRole("radio", { name: "Select a virtual account per file:" }).check();
    await select.getByLabel("Virtual account for dev_FOCE2E00002_1710068400.xml").selectOption({ label: "Lab-01" });
    await select.getByRole("button", { name: "OK" }).click();
    await expect(row).toContainText("⚠ Data Being Processed");
    expect((await page.request.post("/api/test/run-jobs")).ok()).toBeTruthy();
    await expect(row).toContainText("ℹ No Errors");
    await expect(row.getByRole("cell").nth(3)).toHaveText("Krakow LAN-SW, Lab-01");
    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "Download" }).click();
    expect((await download).suggestedFilename()).toBe("ACK_UD_20240310T110000.tar.gz");
  });

  test("lists the seeded errors in the expander; a viewer sees no upload and no download", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/reports/usage-data-files", "Eg-SA-01");
    const branch = rowOf(page, "rum_branch.xml");
    await expect(branch).toContainText("Branch-Routers");
    await expect(page.getByRole("button", { name: "Upload Usage Data..." })).toHaveCount(0);
    await expect(branch.getByRole("cell").nth(6)).toHaveText("-");
    await branch.getByRole("button", { name: "Expand rum_branch.xml" }).click();
    const reports = page.getByRole("table", { name: "Reports in rum_branch.xml" });
    await expect(reports.getByRole("row").nth(1)).toContainText("ERROR");
    await expect(reports.getByRole("row").nth(1)).toContainText("Unknown entitlement tag regid.");
    await expect(reports).toContainText("Showing all 3 Rows");
    await page.getByLabel("Search by File Name, Virtual Account").fill("krakow");
    await page.getByLabel("Search by File Name, Virtual Account").press("Enter");
    await expect(page.getByTestId("s26-row")).toHaveCount(2);
    await expect(page.getByTestId("s26-row").first()).toContainText("UD_20240310T110000.tar.gz");
  });

  test("streams an upload larger than the 10 MB a proxied request body would keep", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/usage-data-files", "Eg-SA-01");
    let x = 12345;
    const noise = Buffer.alloc(12 * 1024 * 1024, 0).map(() => (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16);
    const big = await usageTar({
      smartAccount: "Eg-SA-01",
      members: [
        { name: "dev_FOCE2E00004_1710068400.xml", content: usageFile("FOCE2E00004", 7), va: "Eg-VA-02" },
        { name: "diagnostics.bin", content: Buffer.from(noise) },
      ],
    });
    expect(big.length).toBeGreaterThan(12 * 1024 * 1024);
    const res = await page.request.post(`/api/ui/usage-files?sa=${saId(EG_SA)}&name=UD_big.tar`, {
      data: big,
      headers: { "Content-Type": "application/octet-stream" },
    });
    expect(res.status()).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: "UD_big.tar", status: "PROCESSING" });
    expect((await page.request.post("/api/test/run-jobs")).ok()).toBeTruthy();
    await page.reload();
    const row = rowOf(page, "UD_big.tar");
    await expect(row).toContainText("ℹ No Errors");
    await row.getByRole("button", { name: "Expand UD_big.tar" }).click();
    await expect(page.getByRole("list", { name: "Messages for UD_big.tar" })).toContainText("Ignored file diagnostics.bin: not usage data.");
  });
});
