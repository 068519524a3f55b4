import Papa from "papaparse";
import { ValidationError } from "@/lib/access/errors";
import { isEntitlementTag, normaliseEntitlementTag, shortTagOf } from "@/lib/formats/entitlement-tag";

/** F-12a: the header of `Catalogue_Import_Template.csv`, in template order. */
export const CATALOGUE_COLUMNS = [
  "Entitlement Tag",
  "Short Tag",
  "Display Name",
  "Description",
  "Feature Name",
  "Enforcement",
  "Duration",
  "Billing",
  "Tier Label",
  "Product Families",
  "Substitutes For",
  "Upgrade To",
  "PLR",
  "Reporting Only",
] as const;
type Column = (typeof CATALOGUE_COLUMNS)[number];

export const CATALOGUE_TEMPLATE_NAME = "Catalogue_Import_Template.csv";
export const CATALOGUE_MAX_ROWS = 5000;

export const HEADER_MESSAGE = `The file must have the header row of ${CATALOGUE_TEMPLATE_NAME}.`;
export const TOO_MANY_ROWS_MESSAGE = `The file has more than ${CATALOGUE_MAX_ROWS} rows.`;

const ENUMS = {
  Enforcement: ["UNENFORCED", "ENFORCED", "EXPORT_CONTROLLED"],
  Duration: ["PERPETUAL", "SUBSCRIPTION"],
  Billing: ["PREPAID", "USAGE"],
} as const;

export type CatalogueRow = {
  /** 1 for the first data row after the header. */
  row: number;
  entitlementTag: string;
  shortTag: string;
  displayName: string;
  description: string;
  featureName: string | null;
  enforcement: (typeof ENUMS.Enforcement)[number];
  duration: (typeof ENUMS.Duration)[number];
  billing: (typeof ENUMS.Billing)[number];
  tierLabel: string | null;
  productFamilies: string[];
  substitutesFor: string | null;
  upgradeTo: string | null;
  isPlr: boolean;
  reportingOnly: boolean;
};

export type RowError = { row: number; message: string };

/** The template file: the F-12a header only, UTF-8 with BOM like every CSV the app writes (F-17). */
export function catalogueTemplateCsv(): string {
  return "\uFEFF" + CATALOGUE_COLUMNS.join(",") + "\r\n";
}

/** UTF-8 with an optional BOM (F-12a); anything else is refused with a message. */
export function decodeCsvUpload(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The file is not UTF-8 text.");
  }
}

/** `a, b or c` */
function oneOf(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/**
 * F-12a syntax and per-row rules (V-31a), except whether `Substitutes For` / `Upgrade To` name a
 * definition outside the file, which needs the catalogue (`referenceErrors`). Returns `fatal` for
 * a file that cannot be read row by row (header, row count, broken quoting).
 */
export function parseCatalogueCsv(text: string): { fatal: string } | { rows: CatalogueRow[]; errors: RowError[]; fileTags: Set<string> } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: "greedy" });
  if (parsed.errors.some((e) => e.type === "Quotes")) return { fatal: "The file is not valid CSV: a quoted value is not closed properly." };
  const [header, ...records] = parsed.data;
  const index = headerIndex(header);
  if (!index) return { fatal: HEADER_MESSAGE };
  if (records.length > CATALOGUE_MAX_ROWS) return { fatal: TOO_MANY_ROWS_MESSAGE };

  const rows: CatalogueRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const r = i + 1;
    const fail = (message: string) => errors.push({ row: r, message: `Row ${r}: ${message}` });
    if (record.slice(header.length).some((v) => v.trim() !== "")) {
      fail("the row has more values than the header row.");
      return;
    }
    const get = (c: Column) => (record[index[c]] ?? "").trim();
    const required = (c: Column) => {
      const v = get(c);
      if (!v) fail(`${c} is required.`);
      return v;
    };
    const enumOf = <C extends keyof typeof ENUMS>(c: C): (typeof ENUMS)[C][number] | null => {
      const v = required(c);
      if (!v) return null;
      const match = ENUMS[c].find((x) => x === v.toUpperCase());
      if (!match) fail(`${c} must be one of ${oneOf(ENUMS[c])}.`);
      return match ?? null;
    };
    const yesNo = (c: Column) => {
      const v = get(c).toLowerCase();
      if (v !== "" && v !== "yes" && v !== "no") fail(`${c} must be one of yes or no.`);
      return v === "yes";
    };
    const reference = (c: Column) => (get(c) ? normaliseEntitlementTag(get(c)) : null);

    const before = errors.length;
    const typedTag = required("Entitlement Tag");
    const tag = normaliseEntitlementTag(typedTag);
    if (typedTag && !isEntitlementTag(tag)) fail(`entitlement tag "${typedTag}" is not well formed.`);
    else if (typedTag && seen.has(tag)) fail(`entitlement tag ${tag} appears more than once.`);
    if (typedTag) seen.add(tag);
    const displayName = required("Display Name");
    if (displayName.length > 200) fail("Display Name must be 200 characters or fewer.");
    const enforcement = enumOf("Enforcement");
    const duration = enumOf("Duration");
    const billing = enumOf("Billing");
    const isPlr = yesNo("PLR");
    const reportingOnly = yesNo("Reporting Only");
    if (errors.length > before) return;

    rows.push({
      row: r,
      entitlementTag: tag,
      shortTag: get("Short Tag") || shortTagOf(tag),
      displayName,
      description: get("Description"),
      featureName: get("Feature Name") || null,
      enforcement: enforcement!,
      duration: duration!,
      billing: billing!,
      tierLabel: get("Tier Label") || null,
      productFamilies: get("Product Families")
        .split(";")
        .map((f) => f.trim())
        .filter(Boolean),
      substitutesFor: reference("Substitutes For"),
      upgradeTo: reference("Upgrade To"),
      isPlr,
      reportingOnly,
    });
  });
  return { rows, errors, fileTags: seen };
}

/** Column name → position, when the header has exactly the F-12a columns (any order, any case). */
function headerIndex(header: string[] | undefined): Record<Column, number> | null {
  if (!header) return null;
  const names = header.map((h) => h.trim().toLowerCase());
  while (names.length && names[names.length - 1] === "") names.pop();
  if (names.length !== CATALOGUE_COLUMNS.length) return null;
  const index = {} as Record<Column, number>;
  for (const column of CATALOGUE_COLUMNS) {
    const at = names.indexOf(column.toLowerCase());
    if (at < 0) return null;
    index[column] = at;
  }
  return index;
}

/** V-31a: references must name a definition in the catalogue (`known`) or in the same file. */
export function referenceErrors(rows: CatalogueRow[], known: ReadonlySet<string>, fileTags: ReadonlySet<string>): RowError[] {
  const errors: RowError[] = [];
  for (const r of rows) {
    for (const [column, tag] of [
      ["Substitutes For", r.substitutesFor],
      ["Upgrade To", r.upgradeTo],
    ] as const) {
      if (tag !== null && !known.has(tag) && !fileTags.has(tag)) {
        errors.push({ row: r.row, message: `Row ${r.row}: ${column} names an unknown entitlement tag ${tag}.` });
      }
    }
  }
  return errors;
}

/**
 * The whole F-12a check: `known` holds the catalogue's tags. Every failing row is listed, in row
 * order; a file with any failure imports nothing (V-31a).
 */
export function checkCatalogueCsv(text: string, known: ReadonlySet<string>): { ok: true; rows: CatalogueRow[] } | { ok: false; errors: string[] } {
  const parsed = parseCatalogueCsv(text);
  if ("fatal" in parsed) return { ok: false, errors: [parsed.fatal] };
  // A row that failed still names its tag: a reference to it is not unknown, the row is reported already.
  const all = [...parsed.errors, ...referenceErrors(parsed.rows, known, parsed.fileTags)];
  if (all.length === 0) return { ok: true, rows: parsed.rows };
  return { ok: false, errors: all.sort((a, b) => a.row - b.row).map((e) => e.message) };
}
