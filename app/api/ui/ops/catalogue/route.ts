import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { catalogueListSchema, listLicenseDefinitions } from "@/lib/ops/catalogue";

export type CatalogueListResponse = Awaited<ReturnType<typeof listLicenseDefinitions>>;

/** S-34 Catalogue: one page of the D-5 license definitions (Licensing Operations only). */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const body: CatalogueListResponse = await listLicenseDefinitions(db, ctx, catalogueListSchema.parse(searchParamsObject(url)));
  return json(200, body);
});
