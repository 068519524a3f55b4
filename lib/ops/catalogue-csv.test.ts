import { describe, expect, it } from "vitest";
import { CATALOGUE_COLUMNS, catalogueTemplateCsv, checkCatalogueCsv, decodeCsvUpload, parseCatalogueCsv } from "./catalogue-csv";

const HEADER = CATALOGUE_COLUMNS.join(",");
const DNA_HSEC = "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844";
const NEW_A = "regid.2024-01.com.cisco.BENCH_A,1.0_11111111-2222-4333-8444-555555555555";
const NEW_B = "regid.2024-01.com.cisco.BENCH_B,2.1_66666666-7777-4888-9999-aaaaaaaaaaaa";
const KNOWN = new Set([DNA_HSEC]);

type Cells = Partial<Record<(typeof CATALOGUE_COLUMNS)[number], string>>;
function row(cells: Cells): string {
  const base: Cells = { "Display Name": "Bench license", Enforcement: "UNENFORCED", Duration: "PERPETUAL", Billing: "PREPAID" };
  const all = { ...base, ...cells };
  return CATALOGUE_COLUMNS.map((c) => {
    const v = all[c] ?? "";
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}
const file = (...rows: string[]) => [HEADER, ...rows].join("\r\n") + "\r\n";
const errorsOf = (text: string) => {
  const r = checkCatalogueCsv(text, KNOWN);
  return r.ok ? [] : r.errors;
};

describe("F-12a catalogue CSV", () => {
  it("reads a valid file: derived short tag, families, yes/no, case-insensitive enumerations", () => {
    const r = checkCatalogueCsv(
      file(
        row({ "Entitlement Tag": NEW_A, "Product Families": "C93; C95 ;", PLR: "YES", Enforcement: "export_controlled", Billing: "usage" }),
        row({ "Entitlement Tag": NEW_B, "Short Tag": "B_SHORT", "Substitutes For": NEW_A, "Upgrade To": DNA_HSEC, "Reporting Only": "yes", "Description": 'A "quoted", long text' }),
      ),
      KNOWN,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[0]).toMatchObject({
      row: 1,
      entitlementTag: NEW_A,
      shortTag: "BENCH_A",
      enforcement: "EXPORT_CONTROLLED",
      billing: "USAGE",
      productFamilies: ["C93", "C95"],
      isPlr: true,
      reportingOnly: false,
      featureName: null,
      tierLabel: null,
      substitutesFor: null,
    });
    expect(r.rows[1]).toMatchObject({
      row: 2,
      shortTag: "B_SHORT",
      substitutesFor: NEW_A,
      upgradeTo: DNA_HSEC,
      reportingOnly: true,
      description: 'A "quoted", long text',
    });
  });

  it("accepts a BOM and a header in any case, trimmed, in another order", () => {
    const header = [...CATALOGUE_COLUMNS].reverse().map((c) => `  ${c.toUpperCase()} `).join(",");
    const values = [...CATALOGUE_COLUMNS].reverse().map((c) => ({ "Entitlement Tag": NEW_A, "Display Name": "X", Enforcement: "enforced", Duration: "subscription", Billing: "prepaid" })[c as string] ?? "");
    const text = decodeCsvUpload(new TextEncoder().encode(`\uFEFF${header}\n${values.map((v) => `"${v}"`).join(",")}\n`));
    const r = checkCatalogueCsv(text, KNOWN);
    expect(r).toMatchObject({ ok: true, rows: [{ entitlementTag: NEW_A, enforcement: "ENFORCED", duration: "SUBSCRIPTION" }] });
    // A BOM left in the text is ignored too.
    expect(checkCatalogueCsv(`\uFEFF${file(row({ "Entitlement Tag": NEW_A }))}`, KNOWN).ok).toBe(true);
  });

  it("normalises the dot before the version, in tags and references", () => {
    const dotted = NEW_A.replace(",1.0_", ".1.0_");
    const r = checkCatalogueCsv(file(row({ "Entitlement Tag": dotted }), row({ "Entitlement Tag": NEW_B, "Upgrade To": dotted })), KNOWN);
    expect(r).toMatchObject({ ok: true, rows: [{ entitlementTag: NEW_A }, { upgradeTo: NEW_A }] });
  });

  it("refuses a file without the template header", () => {
    const header = "The file must have the header row of Catalogue_Import_Template.csv.";
    expect(errorsOf("")).toEqual([header]);
    expect(errorsOf(CATALOGUE_COLUMNS.slice(1).join(",") + "\n")).toEqual([header]);
    expect(errorsOf(HEADER + ",Extra\n")).toEqual([header]);
    expect(errorsOf(HEADER.replace("PLR", "Entitlement Tag") + "\n")).toEqual([header]);
    expect(checkCatalogueCsv(HEADER + ",\n", KNOWN)).toEqual({ ok: true, rows: [] });
  });

  it("refuses more than 5000 data rows, and takes exactly 5000", () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => row({ "Entitlement Tag": `regid.2024-01.com.cisco.T${i},1.0_${String(i).padStart(8, "0")}-0000-4000-8000-000000000000` }));
    expect(errorsOf(file(...rows(5001)))).toEqual(["The file has more than 5000 rows."]);
    const ok = checkCatalogueCsv(file(...rows(5000)), KNOWN);
    expect(ok.ok && ok.rows.length).toBe(5000);
  });

  it("lists every V-31a message of every failing row, in row order", () => {
    const errors = errorsOf(
      file(
        row({ "Entitlement Tag": NEW_A }),
        row({ "Entitlement Tag": "", "Display Name": "" }),
        row({ "Entitlement Tag": "regid.2024-01.com.cisco.BAD" }),
        row({ "Entitlement Tag": NEW_B, Enforcement: "", Duration: "forever", Billing: "free", PLR: "maybe", "Reporting Only": "1" }),
        row({ "Entitlement Tag": NEW_A.replace(",1.0_", ".1.0_") }),
        row({ "Entitlement Tag": "regid.2024-01.com.cisco.C,1.0_11111111-2222-4333-8444-000000000000", "Substitutes For": "regid.2020-01.com.cisco.GONE,1.0_11111111-2222-4333-8444-000000000000", "Upgrade To": "nonsense" }),
        row({ "Entitlement Tag": "regid.2024-01.com.cisco.D,1.0_11111111-2222-4333-8444-000000000001", "Display Name": "x".repeat(201) }),
      ),
    );
    expect(errors).toEqual([
      "Row 2: Entitlement Tag is required.",
      "Row 2: Display Name is required.",
      'Row 3: entitlement tag "regid.2024-01.com.cisco.BAD" is not well formed.',
      "Row 4: Enforcement is required.",
      "Row 4: Duration must be one of PERPETUAL or SUBSCRIPTION.",
      "Row 4: Billing must be one of PREPAID or USAGE.",
      "Row 4: PLR must be one of yes or no.",
      "Row 4: Reporting Only must be one of yes or no.",
      `Row 5: entitlement tag ${NEW_A} appears more than once.`,
      "Row 6: Substitutes For names an unknown entitlement tag regid.2020-01.com.cisco.GONE,1.0_11111111-2222-4333-8444-000000000000.",
      "Row 6: Upgrade To names an unknown entitlement tag nonsense.",
      "Row 7: Display Name must be 200 characters or fewer.",
    ]);
    expect(errorsOf(file(row({ "Entitlement Tag": NEW_A, Enforcement: "strict" })))).toEqual([
      "Row 1: Enforcement must be one of UNENFORCED, ENFORCED or EXPORT_CONTROLLED.",
    ]);
  });

  it("resolves references to rows later in the same file, and to a failing row without a second message", () => {
    expect(checkCatalogueCsv(file(row({ "Entitlement Tag": NEW_A, "Substitutes For": NEW_B }), row({ "Entitlement Tag": NEW_B })), KNOWN).ok).toBe(true);
    expect(errorsOf(file(row({ "Entitlement Tag": NEW_A, "Substitutes For": NEW_B }), row({ "Entitlement Tag": NEW_B, Billing: "" })))).toEqual([
      "Row 2: Billing is required.",
    ]);
  });

  it("turns broken CSV into messages, never an exception", () => {
    expect(errorsOf(`${HEADER}\n"${NEW_A},x\n`)).toEqual(["The file is not valid CSV: a quoted value is not closed properly."]);
    expect(errorsOf(file(row({ "Entitlement Tag": NEW_A }) + ",surplus"))).toEqual(["Row 1: the row has more values than the header row."]);
    // Trailing empty values and blank lines are tolerated.
    expect(checkCatalogueCsv(file(row({ "Entitlement Tag": NEW_A }) + ",,", "", ",,,"), KNOWN).ok).toBe(true);
    expect(() => decodeCsvUpload(new Uint8Array([0x45, 0xff, 0xfe, 0x41]))).toThrow("The file is not UTF-8 text.");
  });

  it("offers a template that is its own valid, empty import", () => {
    const template = catalogueTemplateCsv();
    expect(template).toBe(`\uFEFF${HEADER}\r\n`);
    expect(parseCatalogueCsv(template)).toMatchObject({ rows: [], errors: [] });
  });
});
