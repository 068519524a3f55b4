import { actorOf } from "@/lib/actions/mutation";
import { readUpload } from "@/lib/http/upload";
import { json, uiRoute } from "@/lib/http/route";
import { decodeCsvUpload } from "@/lib/ops/catalogue-csv";
import { CatalogueImportError, importCatalogue, importFileName } from "@/lib/ops/catalogue-import";
import { requireLicensingOps } from "@/lib/ops/smart-accounts";
import { renderEvent } from "@/lib/events/catalog";

/** A catalogue file is at most 5,000 rows (F-12a); 5 MB leaves room for long descriptions. */
const MAX_MB = 5;

export type CatalogueImportResponse =
  | { ok: true; added: number; updated: number; message: string }
  | { ok: false; message: string; errors: string[] };

/**
 * S-34 `Import CSV...`: the raw file is the request body, its name in `X-File-Name`
 * (URL-encoded). All or nothing (V-31a): a refusal lists every failing row and writes nothing.
 */
export const POST = uiRoute(async ({ req, ctx, db }) => {
  requireLicensingOps(ctx);
  const fileName = importFileName(decodeHeader(req.headers.get("x-file-name")));
  try {
    const text = decodeCsvUpload(await readUpload(req, MAX_MB));
    const { added, updated } = await db.transaction((tx) => importCatalogue(tx, ctx, actorOf(ctx), { fileName, text }));
    const message = renderEvent("E-53d", { file: fileName, a: added, u: updated });
    return json(200, { ok: true, added, updated, message } satisfies CatalogueImportResponse);
  } catch (err) {
    if (err instanceof CatalogueImportError) return json(400, { ok: false, message: err.message, errors: err.errors } satisfies CatalogueImportResponse);
    throw err;
  }
});

function decodeHeader(value: string | null): string {
  try {
    return decodeURIComponent(value ?? "");
  } catch {
    return value ?? "";
  }
}
