import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, licenseDefinitions, pakLines, paks } from "@/db/schema";
import { ForbiddenError, PERMISSION_DENIED } from "@/lib/access/errors";
import { catalogueListSchema, catalogueMaps, listLicenseDefinitions } from "@/lib/ops/catalogue";
import { CATALOGUE_COLUMNS } from "@/lib/ops/catalogue-csv";
import { CatalogueImportError, importCatalogue } from "@/lib/ops/catalogue-import";
import { createPakSchema, pakListSchema } from "@/lib/ops/pak-schema";
import { createPak, listPaks, pakFormChoices } from "@/lib/ops/paks";
import { BU_SA, EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { entitlementTag, licenseId } from "@/lib/seed/reference";
import { resetDemoData } from "@/lib/seed/reset";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const NEW_TAG = "regid.2024-02.com.cisco.OPS_IMPORT_A,1.0_0a0b0c0d-1111-4222-8333-444455556666";
const NEW_TAG_B = "regid.2024-02.com.cisco.OPS_IMPORT_B,1.0_0a0b0c0d-1111-4222-8333-444455557777";

const line = (over: object = {}) => ({
  sku: "C1-ISE-PLS-T",
  productFamily: "Identity Services Engine",
  featureName: "ise-plus",
  licenseDefinitionId: licenseId(39),
  licenseType: "TERM" as const,
  termEnd: "2026-07-08",
  quantity: 10,
  ...over,
});
const pakInput = (over: object = {}) =>
  createPakSchema.parse({ orderNumber: "107399100", orderDate: "2024-03-10", owner: "admin@example.com", lines: [line()], ...over });

function csv(rows: Record<string, string>[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [CATALOGUE_COLUMNS.join(","), ...rows.map((r) => CATALOGUE_COLUMNS.map((c) => quote(r[c] ?? "")).join(","))].join("\r\n");
}
const definition = (tag: string, over: Record<string, string> = {}) => ({
  "Entitlement Tag": tag,
  "Display Name": "Imported license",
  Enforcement: "UNENFORCED",
  Duration: "SUBSCRIPTION",
  Billing: "PREPAID",
  ...over,
});

describe.each(drivers)("S-34 PAKs and Catalogue (%s)", (driver) => {
  const { db, as } = useDemoDatabase(driver, { clock: T0 });

  const counts = async () => ({ paks: await db.$count(paks), lines: await db.$count(pakLines), definitions: await db.$count(licenseDefinitions), events: await db.$count(events) });

  it("creates a PAK with a generated V-50 PAK, its lines and E-53c shown in OPS and CONV", async () => {
    const input = pakInput({
      smartAccountId: saId(EG_SA),
      virtualAccountId: vaId(EG_SA, "CORE TAC"),
      partialFulfillment: false,
      lines: [line(), line({ sku: "NXOS-AD-XF2", licenseDefinitionId: "", licenseType: "PERPETUAL", termEnd: "", allowedPids: "N9K-C93180YC-FX, N9K-C9336C-FX2", quantity: 2 })],
    });
    const { id, pak } = await as("lic-ops", (tx, ctx, actor) => createPak(tx, ctx, actor, input));
    expect(pak).toMatch(/^[A-Z0-9]{11}$/);
    const [row] = await db.select().from(paks).where(eq(paks.id, id));
    expect(row).toMatchObject({ pak, type: "STANDARD", orderNumber: "107399100", orderDate: "2024-03-10", ownerUserId: userId("eg-admin"), smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "CORE TAC"), partialFulfillment: false });
    const lines = await db.select().from(pakLines).where(eq(pakLines.pakId, id)).orderBy(pakLines.sku);
    expect(lines.map((l) => [l.sku, l.qtyOrdered, l.qtyFulfilled, l.qtyConverted, l.licenseDefinitionId, l.licenseType, l.termEnd, l.allowedPids, l.featureVersion])).toEqual([
      ["C1-ISE-PLS-T", 10, 0, 0, licenseId(39), "TERM", "2026-07-08", [], "1.0"],
      ["NXOS-AD-XF2", 2, 0, 0, null, "PERPETUAL", null, ["N9K-C93180YC-FX", "N9K-C9336C-FX2"], "1.0"],
    ]);
    const [event] = await db.select().from(events).where(eq(events.type, "E-53c"));
    expect(event).toMatchObject({ message: `PAK ${pak} was created with 2 line(s) for Smart Account "Eg-SA-01".`, smartAccountId: saId(EG_SA), actorLabel: "lic-ops", category: "Conversion" });
    expect([...event.shownIn].sort()).toEqual(["CONV", "OPS"]);

    const list = await as("lic-ops", (tx, ctx) => listPaks(tx, ctx, pakListSchema.parse({ q: pak })));
    expect(list.rows).toEqual([
      expect.objectContaining({ pak, owner: "eg-admin", smartAccount: "Eg-SA-01", virtualAccount: "CORE TAC", lines: "C1-ISE-PLS-T (10), NXOS-AD-XF2 (2)", status: "UNFULFILLED", partialFulfillment: false }),
    ]);
  });

  it("takes a typed PAK (trimmed, upper-cased), an owner by CCO id, and no Smart Account (E-53c in OPS only)", async () => {
    const { pak } = await as("lic-ops", (tx, ctx, actor) => createPak(tx, ctx, actor, pakInput({ pak: " zz9ops0pak1 ", owner: "BU-ADMIN", type: "DEMO" })));
    expect(pak).toBe("ZZ9OPS0PAK1");
    const [row] = await db.select().from(paks).where(eq(paks.pak, pak));
    expect(row).toMatchObject({ type: "DEMO", ownerUserId: userId("bu-admin"), smartAccountId: null, virtualAccountId: null, partialFulfillment: true });
    const [event] = await db.select().from(events).where(eq(events.message, `PAK ${pak} was created with 1 line(s).`));
    expect(event.shownIn).toEqual(["OPS"]);
    const unowned = await as("lic-ops", (tx, ctx, actor) => createPak(tx, ctx, actor, pakInput({ owner: "" })));
    expect((await db.select().from(paks).where(eq(paks.pak, unowned.pak)))[0].ownerUserId).toBeNull();
  });

  it("lists the DD-9 PAKs with their D-17 status, and searches by SKU", async () => {
    const list = await as("lic-ops", (tx, ctx) => listPaks(tx, ctx, pakListSchema.parse({ pageSize: 100 })));
    const status = Object.fromEntries(list.rows.map((r) => [r.pak, r.status]));
    expect(status).toMatchObject({ "3300J8A5F21": "UNFULFILLED", "2QW9E4R7T5Y": "CONVERTED", "7HN4W2C9D3K": "FULFILLED", "5MQ8T1ZR6PX": "UNFULFILLED" });
    expect(list.rows.find((r) => r.pak === "5MQ8T1ZR6PX")?.lines).toBe("L-ASR920-10G-2 (2), L-ASR920-1G-6 (2)");
    const bySku = await as("lic-ops", (tx, ctx) => listPaks(tx, ctx, pakListSchema.parse({ q: "asr920-1g" })));
    expect(bySku.rows.map((r) => r.pak)).toEqual(["5MQ8T1ZR6PX"]);
    const page = await as("lic-ops", (tx, ctx) => listPaks(tx, ctx, pakListSchema.parse({ pageSize: 10, page: 1 })));
    expect(page.total).toBe(list.total);
  });

  it("refuses bad fields with their messages and writes nothing", async () => {
    const parse = (over: object) => {
      const r = createPakSchema.safeParse({ orderNumber: "107399100", orderDate: "2024-03-10", lines: [line()], ...over });
      return r.success ? "ok" : r.error.issues[0].message;
    };
    expect(parse({ pak: "ABC" })).toBe("Enter a valid 11-character PAK.");
    expect(parse({ pak: "ABCDEFGHIJ-" })).toBe("Enter a valid 11-character PAK.");
    expect(parse({ orderNumber: "12" })).toBe("Enter an order number of 6 to 12 digits.");
    expect(parse({ lines: [] })).toBe("Add at least one line.");
    expect(parse({ lines: [line({ quantity: 0 })] })).toBe("Quantity must be at least 1.");
    expect(parse({ lines: [line({ termEnd: "" })] })).toBe("Term licenses need a term end date.");
    expect(parse({ lines: [line({ sku: " " })] })).toBe("SKU is required.");
    expect(parse({ lines: [line({ allowedPids: "ASR1001-X, bad pid!" })] })).toBe("Enter a valid product ID.");
    expect(parse({ virtualAccountId: vaId(EG_SA, "CORE TAC") })).toBe("Choose the Smart Account of this virtual account.");

    const before = await counts();
    const refused = async (over: object) =>
      as("lic-ops", (tx, ctx, actor) => createPak(tx, ctx, actor, pakInput(over))).then(
        () => "created",
        (e: Error) => e.message,
      );
    expect(await refused({ pak: "3300J8A5F21" })).toBe("PAK 3300J8A5F21 already exists.");
    expect(await refused({ owner: "nobody@example.com" })).toBe("No user found with that email or username.");
    expect(await refused({ smartAccountId: saId(BU_SA), virtualAccountId: vaId(EG_SA, "CORE TAC") })).toBe(
      'Virtual account "CORE TAC" was not found in Smart Account "BU Production Test".',
    );
    expect(await refused({ lines: [line(), line({ licenseDefinitionId: "00000000-0000-4000-8000-000000000000" })] })).toBe(
      "Choose a smart equivalent from the catalogue, or none.",
    );
    expect(await counts()).toEqual(before);
  });

  it("is Licensing Operations only (V-2) and changes nothing for anyone else", async () => {
    const before = await counts();
    for (const cco of ["eg-admin", "bu-admin", "eg-viewer"]) {
      await expect(as(cco, (tx, ctx, actor) => createPak(tx, ctx, actor, pakInput()))).rejects.toThrow(ForbiddenError);
      await expect(as(cco, (tx, ctx, actor) => importCatalogue(tx, ctx, actor, { fileName: "x.csv", text: csv([definition(NEW_TAG)]) }))).rejects.toThrow(
        PERMISSION_DENIED,
      );
      await expect(as(cco, (tx, ctx) => listPaks(tx, ctx, pakListSchema.parse({})))).rejects.toThrow(ForbiddenError);
      await expect(as(cco, (tx, ctx) => listLicenseDefinitions(tx, ctx, catalogueListSchema.parse({})))).rejects.toThrow(ForbiddenError);
      await expect(as(cco, (tx, ctx) => pakFormChoices(tx, ctx))).rejects.toThrow(ForbiddenError);
    }
    expect(await counts()).toEqual(before);
  });

  it("a failing catalogue file imports nothing and lists every failing row", async () => {
    const before = await counts();
    const text = csv([
      definition(NEW_TAG),
      definition(entitlementTag(42), { "Display Name": "" }),
      definition(NEW_TAG_B, { "Upgrade To": "regid.2020-01.com.cisco.NOPE,1.0_0a0b0c0d-1111-4222-8333-000000000000" }),
    ]);
    const error = await as("lic-ops", (tx, ctx, actor) => importCatalogue(tx, ctx, actor, { fileName: "bad.csv", text })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueImportError);
    expect((error as CatalogueImportError).errors).toEqual([
      "Row 2: Display Name is required.",
      "Row 3: Upgrade To names an unknown entitlement tag regid.2020-01.com.cisco.NOPE,1.0_0a0b0c0d-1111-4222-8333-000000000000.",
    ]);
    expect(await counts()).toEqual(before);
    const [cse] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(42)));
    expect(cse.displayName).toBe("CSR 1KV SEC 5G");
  });

  it("imports new and updated definitions with references inside the file and to the catalogue (E-53d)", async () => {
    const text = csv([
      definition(NEW_TAG.replace(",1.0_", ".1.0_"), { "Product Families": "C8000V;CSR1000V", PLR: "yes", "Substitutes For": NEW_TAG_B, "Upgrade To": entitlementTag(1) }),
      definition(entitlementTag(42), { "Display Name": "CSR 1KV SEC 5G (renamed)", Duration: "perpetual", "Feature Name": "securityk9", "Tier Label": "Level 5" }),
      definition(NEW_TAG_B, { "Display Name": "Imported lower tier", "Short Tag": "LOWER" }),
    ]);
    const result = await as("lic-ops", (tx, ctx, actor) => importCatalogue(tx, ctx, actor, { fileName: "catalogue-2024.csv", text }));
    expect(result).toEqual({ added: 2, updated: 1 });

    const [a] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.entitlementTag, NEW_TAG));
    const [b] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.entitlementTag, NEW_TAG_B));
    expect(a).toMatchObject({ shortTag: "OPS_IMPORT_A", productFamilies: ["C8000V", "CSR1000V"], isPlr: true, substitutesForId: b.id, upgradeToId: licenseId(1), duration: "SUBSCRIPTION" });
    expect(b).toMatchObject({ shortTag: "LOWER", displayName: "Imported lower tier", substitutesForId: null });
    const [cse] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(42)));
    expect(cse).toMatchObject({ displayName: "CSR 1KV SEC 5G (renamed)", featureName: "securityk9", tierLabel: "Level 5", duration: "PERPETUAL" });

    const [event] = await db.select().from(events).where(eq(events.type, "E-53d"));
    expect(event).toMatchObject({
      message: 'License catalogue imported from "catalogue-2024.csv": 2 definition(s) added, 1 updated.',
      actorLabel: "lic-ops",
      smartAccountId: null,
      category: "System",
      shownIn: ["OPS"],
    });

    const found = await as("lic-ops", (tx, ctx) => listLicenseDefinitions(tx, ctx, catalogueListSchema.parse({ q: "ops_import" })));
    expect(found.rows.map((r) => [r.displayName, r.substitutesFor, r.upgradeTo])).toEqual([
      ["Imported license", "Imported lower tier", "Router US Export Lic. for DNA"],
      ["Imported lower tier", null, null],
    ]);
    const maps = await as("lic-ops", (tx, ctx) => catalogueMaps(tx, ctx));
    expect(maps.skus.find((s) => s.sku === "L-CSR-5G-SEC=")?.smartEquivalent).toBe("CSR 1KV SEC 5G (renamed)");
    expect(maps.hsec.length).toBeGreaterThan(0);
    expect(maps.products.find((p) => p.pidPattern === "^C8000V$")?.productType).toBe("CAT8KV");
  });

  it("the demo reset removes imported definitions and restores updated ones (W-59)", async () => {
    await resetDemoData(db, "demo", T0);
    expect(await db.$count(licenseDefinitions, eq(licenseDefinitions.entitlementTag, NEW_TAG))).toBe(0);
    expect(await db.$count(licenseDefinitions, eq(licenseDefinitions.entitlementTag, NEW_TAG_B))).toBe(0);
    const [cse] = await db.select().from(licenseDefinitions).where(eq(licenseDefinitions.id, licenseId(42)));
    expect(cse.displayName).toBe("CSR 1KV SEC 5G");
    expect(await db.$count(paks, eq(paks.pak, "ZZ9OPS0PAK1"))).toBe(0);
  });
});
