import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseDefinitions } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { type CatalogueRow, parseCatalogueCsv, referenceErrors, type RowError } from "./catalogue-csv";
import { requireLicensingOps } from "./smart-accounts";

/** V-31a: the file was refused; `errors` lists every failing row (or the one file-level message). */
export class CatalogueImportError extends ValidationError {
  constructor(readonly errors: string[]) {
    super(errors[0]);
    this.name = "CatalogueImportError";
  }
}

const CHUNK = 250;

/** The name shown in E-53d: no path parts or control characters, at most 200 characters. */
export function importFileName(raw: string | null | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean || "upload.csv";
}

async function tagIds(tx: DbOrTx, tags: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < tags.length; i += 5000) {
    const rows = await tx
      .select({ id: licenseDefinitions.id, tag: licenseDefinitions.entitlementTag })
      .from(licenseDefinitions)
      .where(inArray(licenseDefinitions.entitlementTag, tags.slice(i, i + 5000)));
    for (const r of rows) out.set(r.tag, r.id);
  }
  return out;
}

/**
 * S-34 `Import CSV...` (F-12a): all or nothing (V-31a). A row whose tag is in the catalogue
 * updates that definition, any other adds one; `Substitutes For` / `Upgrade To` may name either.
 * Writes E-53d. Throws CatalogueImportError listing every failing row, having written nothing.
 */
export async function importCatalogue(tx: Tx, ctx: AccessContext, actor: Actor, input: { fileName: string; text: string }) {
  requireLicensingOps(ctx);
  const parsed = parseCatalogueCsv(input.text);
  if ("fatal" in parsed) throw new CatalogueImportError([parsed.fatal]);
  const { rows } = parsed;
  const references = rows.flatMap((r) => [r.substitutesFor, r.upgradeTo]).filter((t): t is string => t !== null);
  const existing = await tagIds(tx, [...new Set([...rows.map((r) => r.entitlementTag), ...references])]);
  const errors: RowError[] = [...parsed.errors, ...referenceErrors(rows, new Set(existing.keys()), parsed.fileTags)];
  if (errors.length) throw new CatalogueImportError(errors.sort((a, b) => a.row - b.row).map((e) => e.message));
  if (rows.length === 0) throw new CatalogueImportError(["The file has no license definitions to import."]);

  const ids = new Map(existing);
  for (const r of rows) if (!ids.has(r.entitlementTag)) ids.set(r.entitlementTag, randomUUID());
  // A reference to a definition this file adds is set once every row exists (the FK is not deferred).
  const resolvable = (tag: string | null) => (tag !== null && existing.has(tag) ? existing.get(tag)! : null);
  const at = now();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(licenseDefinitions)
      .values(rows.slice(i, i + CHUNK).map((r) => definitionValues(r, ids.get(r.entitlementTag)!, resolvable, at)))
      .onConflictDoUpdate({
        target: licenseDefinitions.entitlementTag,
        set: {
          shortTag: sql`excluded.short_tag`,
          displayName: sql`excluded.display_name`,
          description: sql`excluded.description`,
          featureName: sql`excluded.feature_name`,
          enforcement: sql`excluded.enforcement`,
          duration: sql`excluded.duration`,
          billing: sql`excluded.billing`,
          tierLabel: sql`excluded.tier_label`,
          productFamilies: sql`excluded.product_families`,
          substitutesForId: sql`excluded.substitutes_for_id`,
          isPlr: sql`excluded.is_plr`,
          reportingOnly: sql`excluded.reporting_only`,
          upgradeToId: sql`excluded.upgrade_to_id`,
        },
      });
  }
  for (const r of rows) {
    const late = {
      ...(r.substitutesFor && !existing.has(r.substitutesFor) ? { substitutesForId: ids.get(r.substitutesFor)! } : {}),
      ...(r.upgradeTo && !existing.has(r.upgradeTo) ? { upgradeToId: ids.get(r.upgradeTo)! } : {}),
    };
    if (Object.keys(late).length) await tx.update(licenseDefinitions).set(late).where(eq(licenseDefinitions.entitlementTag, r.entitlementTag));
  }

  const updated = rows.filter((r) => existing.has(r.entitlementTag)).length;
  const added = rows.length - updated;
  await recordEvent(tx, { type: "E-53d", params: { file: input.fileName, a: added, u: updated }, actor, occurredAt: at });
  return { added, updated };
}

function definitionValues(r: CatalogueRow, id: string, resolvable: (tag: string | null) => string | null, at: Date) {
  return {
    id,
    entitlementTag: r.entitlementTag,
    shortTag: r.shortTag,
    displayName: r.displayName,
    description: r.description,
    featureName: r.featureName,
    enforcement: r.enforcement,
    duration: r.duration,
    billing: r.billing,
    tierLabel: r.tierLabel,
    productFamilies: r.productFamilies,
    substitutesForId: resolvable(r.substitutesFor),
    isPlr: r.isPlr,
    reportingOnly: r.reportingOnly,
    upgradeToId: resolvable(r.upgradeTo),
    createdAt: at,
  };
}
