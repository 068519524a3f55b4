import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { events } from "@/db/schema";
import { NotFoundError } from "@/lib/access/errors";
import { csvStream } from "@/lib/formats/csv";
import { xlsxStream } from "@/lib/formats/xlsx";
import { downloadReportingPolicy, reportingPolicyOf } from "@/lib/policy/download";
import { REPORTS } from "@/lib/reports/definitions";
import { prepareReport } from "@/lib/reports/run";
import { type RunReportInput, runReportFromQuery, runReportQuery } from "@/lib/reports/schemas";
import { downloadSynchFile } from "@/lib/reports/synch-file";
import { EG_SA, saId, vaId } from "@/lib/seed/demo/ids";
import { findSignedElements, verifySignedElement } from "@/lib/signing/document";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);

describe.each(drivers)("S-25 reports, S-27 policy and S-28 synch file downloads (%s)", (driver) => {
  const { db, ctxOf } = useDemoDatabase(driver, { clock: T0 });

  const input = (report: RunReportInput["report"], vas: string[] = [], format: "csv" | "xlsx" = "csv"): RunReportInput => ({
    report,
    smartAccountId: EG,
    allVirtualAccounts: vas.length === 0,
    virtualAccountIds: vas,
    format,
  });

  /** Runs a report as the route does and parses the CSV it streams. */
  async function csv(cco: string, i: RunReportInput) {
    const report = await prepareReport(db, await ctxOf(cco), i);
    const bytes = Buffer.from(await new Response(csvStream(report.header, report.rows)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // F-17 BOM
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString("utf8"), { newline: "\r\n" });
    return { fileName: report.fileName, header: parsed.data[0], rows: parsed.data.slice(1) };
  }

  it("Licenses: the S-25 columns, every VA the admin sees, and Krakow's C9500-32QC DNA Advantage at -1 Out Of Compliance", async () => {
    const r = await csv("eg-admin", input("licenses"));
    expect(r.fileName).toBe("Licenses_Eg-SA-01_20240310T120000.csv");
    expect(r.header).toEqual(["Virtual Account", "License", "Entitlement Tag", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Status"]);
    const krakow = r.rows.find((row) => row[0] === "Krakow LAN-SW" && row[1] === "C9500-32QC DNA Advantage");
    expect(krakow).toEqual([
      "Krakow LAN-SW",
      "C9500-32QC DNA Advantage",
      "regid.2018-01.com.cisco.C9500-DNA-32QC-A,1.0_1fd2bf73-201e-472b-a287-65f23ec80f3e",
      "Prepaid",
      "3",
      "4",
      "-",
      "-1",
      "Out Of Compliance",
    ]);
    const tier0 = r.rows.find((row) => row[0] === "Eg-VA-01" && row[1] === "Routing Network Advantage: Tier 0: 10M");
    expect(tier0?.slice(4)).toEqual(["20", "16", "-", "+4", "In Compliance"]);
    expect(new Set(r.rows.map((row) => row[0]))).toEqual(new Set(["Branch-Routers", "Eg-VA-01", "Eg-VA-02", "Krakow LAN-SW", "MSLA-Utility", "OnPrem-Campus"]));
    // Sorted by VA name, then license name.
    const vaOrder = r.rows.map((row) => row[0]);
    expect(vaOrder).toEqual([...vaOrder].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });

  it("License Subscriptions: active term and subscription lots with end dates and subscription ids", async () => {
    const r = await csv("eg-admin", input("license-subscriptions", [vaId(EG_SA, "MSLA-Utility"), vaId(EG_SA, "Branch-Routers")]));
    expect(r.fileName).toBe("LicenseSubscriptions_Eg-SA-01_20240310T120000.csv");
    expect(r.header).toEqual(["Virtual Account", "License", "Quantity", "Type", "Start Date", "Expiration Date", "Subscription Id"]);
    const msla = r.rows.filter((row) => row[0] === "MSLA-Utility");
    expect(msla.map((row) => [row[1], row[2], row[3], row[5], row[6]])).toEqual([
      ["CSR 1KV APPX 100M", "10", "Subscription", "2025-03-10", "Sub208966"],
      ["DNA Advantage For SDWAN", "5", "Subscription", "2025-03-10", "Sub269233"],
    ]);
    // Branch-Routers: the UCM lot that ended T0−5d is EXPIRED and left out; the one ending T0+20d stays.
    expect(r.rows.filter((row) => row[0] === "Branch-Routers").map((row) => [row[1], row[2], row[3], row[5]])).toEqual([
      ["UC Manager Enhanced License (12.x)", "10", "Term", "2024-03-30"],
    ]);
  });

  it("Product Instances: P-19 names, ISO UTC last contact, reservations and licenses in use", async () => {
    const r = await csv("eg-admin", input("product-instances", [vaId(EG_SA, "Eg-VA-01")]));
    expect(r.header).toEqual(["Virtual Account", "Name", "PID", "Serial Number", "Product Type", "Last Contact", "Reserved", "Licenses In Use"]);
    expect(r.rows).toHaveLength(25);
    expect(r.rows.find((row) => row[1] === "br-rtr-01")).toEqual([
      "Eg-VA-01",
      "br-rtr-01",
      "C8300-1N1S-4T2X",
      "FDO2250A0J5",
      "CAT8300",
      "2024-02-29T12:00:00.000Z",
      "No",
      "1 × Router US Export Lic. for DNA; 1 × Routing DNA Advantage: Tier 0: 10M; 1 × Routing Network Advantage: Tier 0: 10M",
    ]);
    expect(r.rows.find((row) => row[3] === "FGL214391JK")?.[6]).toBe("SLR");
    expect(r.rows.find((row) => row[3] === "FCH2244V1AB")?.[7]).toBe("");
  });

  it("scopes to the VAs the user can see: a VA user gets only theirs, and naming another VA is not found", async () => {
    const r = await csv("eg-vauser", input("licenses"));
    expect(new Set(r.rows.map((row) => row[0]))).toEqual(new Set(["Eg-VA-01", "Krakow LAN-SW"]));
    await expect(prepareReport(db, await ctxOf("eg-vauser"), input("licenses", [vaId(EG_SA, "Eg-VA-02")]))).rejects.toThrow(NotFoundError);
    await expect(prepareReport(db, await ctxOf("bu-admin"), input("licenses"))).rejects.toThrow(NotFoundError);
    // Licensing Operations reads every Smart Account (D-3).
    expect((await csv("lic-ops", input("product-instances", [vaId(EG_SA, "Krakow LAN-SW")]))).rows).toHaveLength(7);
  });

  it("XLSX: one worksheet with the same header and values as the CSV, and no event for either (W-55)", async () => {
    const before = await db.$count(events);
    const fromCsv = await csv("eg-admin", input("licenses", [vaId(EG_SA, "Krakow LAN-SW")]));
    const report = await prepareReport(db, await ctxOf("eg-admin"), input("licenses", [vaId(EG_SA, "Krakow LAN-SW")], "xlsx"));
    expect(report.fileName).toBe("Licenses_Eg-SA-01_20240310T120000.xlsx");
    const bytes = Buffer.from(await new Response(xlsxStream(report.sheetName, report.header, report.rows)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Licenses"]);
    const values: string[][] = [];
    book.worksheets[0].eachRow((row) => values.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(values).toEqual([fromCsv.header, ...fromCsv.rows]);
    expect(typeof book.worksheets[0].getRow(2).getCell(5).value).toBe("number");
    expect(await db.$count(events)).toBe(before);
  });

  it("reads the report query string back as it was written", () => {
    const q = runReportQuery({ smartAccountId: EG, allVirtualAccounts: false, virtualAccountIds: [vaId(EG_SA, "Eg-VA-01")], format: "xlsx" });
    expect(runReportFromQuery("licenses", new URL(`http://x/?${q}`))).toEqual(input("licenses", [vaId(EG_SA, "Eg-VA-01")], "xlsx"));
    expect(runReportFromQuery("product-instances", new URL(`http://x/?sa=${EG}`)).allVirtualAccounts).toBe(true);
    expect(() => runReportFromQuery("nope", new URL(`http://x/?sa=${EG}`))).toThrow();
    expect(Object.keys(REPORTS)).toEqual(["licenses", "license-subscriptions", "product-instances"]);
  });

  it("S-27: the effective policy of a visible VA; another SA's VA is not found", async () => {
    const viewer = await ctxOf("eg-viewer");
    expect((await reportingPolicyOf(db, viewer, vaId(EG_SA, "Eg-VA-01"))).name).toBe("SLP Policy");
    expect((await reportingPolicyOf(db, viewer, vaId(EG_SA, "Eg-VA-02"))).name).toBe("Cisco default");
    await expect(reportingPolicyOf(db, await ctxOf("eg-vauser"), vaId(EG_SA, "Eg-VA-02"))).rejects.toThrow(NotFoundError);
  });

  it("W-11: the signed F-5 download writes E-31 in the VA", async () => {
    const viewer = await ctxOf("eg-viewer");
    const file = await db.transaction((tx) =>
      downloadReportingPolicy(tx, viewer, { kind: "user", userId: viewer.user.id, ccoId: "eg-viewer" }, vaId(EG_SA, "Eg-VA-01")),
    );
    expect(file.fileName).toBe("ReportingPolicy_Eg-SA-01_Eg-VA-01.xml");
    const [el] = findSignedElements(file.xml);
    expect(el.element).toBe("smartLicensePolicy");
    const pems = new Map((await publishedSigningKeys(db)).map((k) => [k.keyId, k.publicPem]));
    expect(verifySignedElement(el, pems)).toBe(true);
    expect(JSON.parse(el.dataText)).toMatchObject({ type: "policy", name: "SLP Policy", issued_at: T0.getTime() });
    const [e31] = await db.select().from(events).where(eq(events.type, "E-31"));
    expect(e31).toMatchObject({
      message: 'Reporting policy for "Eg-VA-01" was downloaded.',
      virtualAccountId: vaId(EG_SA, "Eg-VA-01"),
      vaIds: [vaId(EG_SA, "Eg-VA-01")],
      actorLabel: "eg-viewer",
    });
  });

  it("W-58: the signed F-13 synch file carries the policy and the license summary; E-31 `Synch file`", async () => {
    const admin = await ctxOf("eg-admin");
    const file = await db.transaction((tx) =>
      downloadSynchFile(tx, admin, { kind: "user", userId: admin.user.id, ccoId: "eg-admin" }, vaId(EG_SA, "Krakow LAN-SW")),
    );
    expect(file.fileName).toBe("SynchFile_Krakow LAN-SW_20240310.xml");
    expect(file.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense><smartLicenseSync><data><![CDATA[')).toBe(true);
    const [el] = findSignedElements(file.xml);
    expect(el.element).toBe("smartLicenseSync");
    expect(verifySignedElement(el, new Map((await publishedSigningKeys(db)).map((k) => [k.keyId, k.publicPem])))).toBe(true);
    const data = JSON.parse(el.dataText);
    expect(Object.keys(data).sort()).toEqual(["issued_at", "licenses", "policy", "smart_account", "type", "version", "virtual_account"]);
    expect(data).toMatchObject({
      version: "1.0",
      type: "synch",
      smart_account: { name: "Eg-SA-01", domain: "eg-sa-01.example.com", account_id: "402117" },
      virtual_account: { name: "Krakow LAN-SW" },
      policy: { type: "policy", name: "SLE Policy" },
      issued_at: T0.getTime(),
    });
    expect(data.licenses).toContainEqual({
      entitlement_tag: "regid.2018-01.com.cisco.C9500-DNA-32QC-A,1.0_1fd2bf73-201e-472b-a287-65f23ec80f3e",
      display_name: "C9500-32QC DNA Advantage",
      purchased: 3,
      in_use: 4,
      balance: -1,
    });
    const e31 = await db.select().from(events).where(eq(events.type, "E-31"));
    expect(e31.map((e) => e.message)).toContain('Synch file for "Krakow LAN-SW" was downloaded.');
  });
});
