import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Download, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { EG_SA, vaId } from "../lib/seed/demo/ids";
import { expect, loginAndOpen, resetDemo, test } from "./fixtures";

const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");

test.beforeEach(async ({ request }) => resetDemo(request));

async function saved(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

/** Parses a downloaded F-17 CSV (BOM first) into its header and rows. */
function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(bytes.subarray(3).toString("utf8"), { newline: "\r\n" }).data;
}

async function runReport(page: Page, report: string, opts: { vas?: string[]; format?: "CSV" | "XLSX" } = {}): Promise<Download> {
  await page.getByRole("button", { name: report, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Run Report" });
  await expect(dialog.getByLabel("All Virtual Accounts")).toBeChecked();
  await expect(dialog.getByLabel("CSV")).toBeChecked();
  if (opts.vas) {
    await dialog.getByLabel("All Virtual Accounts").uncheck();
    for (const va of opts.vas) await dialog.getByLabel(va, { exact: true }).check();
  }
  if (opts.format) await dialog.getByLabel(opts.format, { exact: true }).check();
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Run Report" }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  return download;
}

test.describe("[REPORTS] S-25 Report", () => {
  test("runs Licenses for all virtual accounts as CSV: Krakow's DNA Advantage is -1 Out Of Compliance @smoke", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/report", "Eg-SA-01");
    const table = page.getByRole("table", { name: "Reports" });
    await expect(table.getByRole("row")).toHaveText([/Name\s*Description/, /^Licenses/, /^License Subscriptions/, /^Product Instances/]);
    const download = await runReport(page, "Licenses");
    expect(download.suggestedFilename()).toBe("Licenses_Eg-SA-01_20240310T120000.csv");
    const [header, ...rows] = parseCsv(await saved(download));
    expect(header).toEqual(["Virtual Account", "License", "Entitlement Tag", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Status"]);
    const krakow = rows.find((r) => r[0] === "Krakow LAN-SW" && r[1] === "C9500-32QC DNA Advantage");
    expect(krakow?.slice(3)).toEqual(["Prepaid", "3", "4", "-", "-1", "Out Of Compliance"]);
  });

  test("runs License Subscriptions and Product Instances for picked virtual accounts as CSV", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/report", "Eg-SA-01");
    await page.getByRole("button", { name: "Product Instances", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Run Report" });
    await dialog.getByLabel("All Virtual Accounts").uncheck();
    await dialog.getByRole("button", { name: "Run Report" }).click();
    await expect(dialog.getByText("Select at least one virtual account.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const subs = parseCsv(await saved(await runReport(page, "License Subscriptions", { vas: ["MSLA-Utility"] })));
    expect(subs[0]).toEqual(["Virtual Account", "License", "Quantity", "Type", "Start Date", "Expiration Date", "Subscription Id"]);
    expect(subs.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      ["MSLA-Utility", "CSR 1KV APPX 100M", "10", "Subscription", "Sub208966"],
      ["MSLA-Utility", "DNA Advantage For SDWAN", "5", "Subscription", "Sub269233"],
    ]);

    const download = await runReport(page, "Product Instances", { vas: ["Krakow LAN-SW"] });
    expect(download.suggestedFilename()).toBe("ProductInstances_Eg-SA-01_20240310T120000.csv");
    const [header, ...rows] = parseCsv(await saved(download));
    expect(header).toEqual(["Virtual Account", "Name", "PID", "Serial Number", "Product Type", "Last Contact", "Reserved", "Licenses In Use"]);
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r[3] === "CAT2209L0KS")).toEqual([
      "Krakow LAN-SW",
      "UDI_PID:C9500-32QC; UDI_SN:CAT2209L0KS;",
      "C9500-32QC",
      "CAT2209L0KS",
      "C9500",
      "2024-02-29T12:00:00.000Z",
      "No",
      "1 × C9500 Network Advantage; 1 × C9500-32QC DNA Advantage",
    ]);
  });

  test("runs Licenses as XLSX: one worksheet with the CSV's header and values", async ({ page }) => {
    await loginAndOpen(page, "va.user@example.com", "/reports/report");
    const download = await runReport(page, "Licenses", { format: "XLSX" });
    expect(download.suggestedFilename()).toBe("Licenses_Eg-SA-01_20240310T120000.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saved(download)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Licenses"]);
    const values: string[][] = [];
    book.worksheets[0].eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(values[0]).toEqual(["Virtual Account", "License", "Entitlement Tag", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Status"]);
    // A VA user sees only their own virtual accounts.
    expect(new Set(values.slice(1).map((r) => r[0]))).toEqual(new Set(["Eg-VA-01", "Krakow LAN-SW"]));
    expect(values.find((r) => r[0] === "Krakow LAN-SW" && r[1] === "C9500-32QC DNA Advantage")?.slice(4)).toEqual(["3", "4", "-", "-1", "Out Of Compliance"]);
  });
});

test.describe("[REPORTS] S-27 Reporting Policy, S-28 Synch File", () => {
  test("shows the effective policy of each VA with value sources and downloads the signed F-5 file, which verify-ack accepts", async ({ page, baseURL }) => {
    await loginAndOpen(page, "admin@example.com", "/reports/reporting-policy", "Eg-SA-01");
    await expect(page.getByLabel("Virtual Account")).toHaveValue(vaId(EG_SA, "Eg-VA-01"));
    await expect(page.getByTestId("s27-policy-name")).toHaveText("SLP Policy");
    await expect(page.getByTestId("s27-ack-required")).toHaveText("Yes (Customer Policy)");
    const exp = page.getByRole("region", { name: "Export (Perpetual/Subscription)" });
    await expect(exp.getByTestId("s27-exp-first")).toHaveText("0 (CISCO default)");
    await expect(exp.getByTestId("s27-exp-frequency")).toHaveText("30 (Customer Policy)");
    await expect(page.getByTestId("s27-uns-frequency")).toHaveText("150 (Customer Policy)");
    const labels = page.getByTestId("s27-policy-card").locator("h3");
    await expect(labels).toHaveText([
      "Export (Perpetual/Subscription)",
      "Enforced (Perpetual/Subscription)",
      "Unenforced/Non-Export Perpetual",
      "Unenforced/Non-Export Subscription",
    ]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download", exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("ReportingPolicy_Eg-SA-01_Eg-VA-01.xml");
    const xml = (await saved(download)).toString("utf8");
    expect(xml).toContain("<smartLicense><smartLicensePolicy><data><![CDATA[");
    expect(xml).toContain('"name":"SLP Policy"');

    // npm run verify-ack against the downloaded file, with the key fetched from A-26.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openssm-e2e-policy-"));
    const file = path.join(dir, download.suggestedFilename());
    fs.writeFileSync(file, xml);
    const verifyAck = (target: string) =>
      promisify(execFile)("npm", ["run", "--silent", "verify-ack", "--", "--key", `${baseURL}/.well-known/openssm/signing-keys.pem`, target]).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const good = await verifyAck(file);
    expect(good.stdout).toContain(`OK    ${download.suggestedFilename()}  smartLicensePolicy  key k-2024-03`);
    expect(good.code).toBe(0);
    const tampered = path.join(dir, "tampered.xml");
    fs.writeFileSync(tampered, xml.replace('"name":"SLP Policy"', '"name":"SLE Policy"'));
    const bad = await verifyAck(tampered);
    expect(bad.stdout).toContain("FAIL  tampered.xml  smartLicensePolicy");
    expect(bad.code).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });

    await page.getByLabel("Virtual Account").selectOption({ label: "Eg-VA-02" });
    await expect(page.getByTestId("s27-policy-name")).toHaveText("Cisco default");
    await expect(page.getByTestId("s27-unp-first")).toHaveText("365 (CISCO default)");

    await page.goto(`/inventory/event-log?va=${vaId(EG_SA, "Eg-VA-01")}`);
    await expect(page.getByText('Reporting policy for "Eg-VA-01" was downloaded.')).toBeVisible();
  });

  test("S-7's Policy link opens S-27 on that VA; S-28 downloads the signed synch file", async ({ page }) => {
    await loginAndOpen(page, "admin@example.com", `/inventory/general?va=${KRAKOW}`);
    await page.getByRole("link", { name: "SLE Policy" }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/reporting-policy\\?va=${KRAKOW}$`));
    await expect(page.getByLabel("Virtual Account")).toHaveValue(KRAKOW);
    await expect(page.getByTestId("s27-policy-name")).toHaveText("SLE Policy");

    await page.getByRole("link", { name: "Synch File for Device Controllers" }).click();
    await expect(page.getByRole("button", { name: "Download Synch File" })).toBeVisible();
    await page.getByLabel("Virtual Account").selectOption({ label: "Krakow LAN-SW" });
    await expect(page).toHaveURL(new RegExp(`/reports/synch-file\\?va=${KRAKOW}$`));
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Synch File" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("SynchFile_Krakow LAN-SW_20240310.xml");
    const xml = (await saved(download)).toString("utf8");
    const data = JSON.parse(xml.match(/<smartLicenseSync><data><!\[CDATA\[([\s\S]*?)\]\]><\/data><signature algorithm="ES256" keyId="k-2024-03">/)![1]);
    expect(data).toMatchObject({ type: "synch", virtual_account: { name: "Krakow LAN-SW" }, policy: { name: "SLE Policy" } });
    expect(data.licenses).toContainEqual(expect.objectContaining({ display_name: "C9500-32QC DNA Advantage", purchased: 3, in_use: 4, balance: -1 }));

    await page.goto(`/inventory/event-log?va=${KRAKOW}`);
    await expect(page.getByText('Synch file for "Krakow LAN-SW" was downloaded.')).toBeVisible();
  });
});

test.describe("[REPORTS] S-26a Signing Keys and A-26", () => {
  test("lists the current key and downloads its public PEM", async ({ page }) => {
    await loginAndOpen(page, "viewer@example.com", "/reports/usage-data-files/signing-keys");
    const table = page.getByRole("table", { name: "Signing Keys" });
    await expect(table.getByRole("columnheader")).toHaveText(["Key ID", "Algorithm", "Created", "Status", "Actions"]);
    const row = page.getByTestId("s26a-key-k-2024-03");
    await expect(row.getByRole("cell")).toHaveText(["k-2024-03", "ES256", "2024-Mar-10", "Current", "Download"]);
    await expect(table).toContainText("Showing 1 Record");
    const downloading = page.waitForEvent("download");
    await row.getByRole("button", { name: "Download" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("k-2024-03.pem");
    const pem = (await saved(download)).toString("utf8");
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const bundle = await (await page.request.get("/.well-known/openssm/signing-keys.pem")).text();
    expect(bundle).toBe(`# kid: k-2024-03\n${pem}`);
  });

  test("publishes the keys without sign-in as a PEM bundle and a JWKS, cacheable for an hour", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const pem = await anonymous.get("/.well-known/openssm/signing-keys.pem", { maxRedirects: 0 });
    expect(pem.status()).toBe(200);
    expect(pem.headers()["cache-control"]).toBe("public, max-age=3600");
    expect(await pem.text()).toMatch(/^# kid: k-2024-03\n-----BEGIN PUBLIC KEY-----\n/);
    const jwks = await anonymous.get("/.well-known/jwks.json", { maxRedirects: 0 });
    expect(jwks.status()).toBe(200);
    expect(jwks.headers()["cache-control"]).toBe("public, max-age=3600");
    const body = (await jwks.json()) as { keys: Record<string, string>[] };
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", kid: "k-2024-03", alg: "ES256", use: "sig" });
    await anonymous.dispose();
  });
});
