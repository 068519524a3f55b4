import { csvResponse } from "@/lib/formats/csv";
import { uiRoute } from "@/lib/http/route";
import { CATALOGUE_TEMPLATE_NAME, catalogueTemplateCsv } from "@/lib/ops/catalogue-csv";
import { requireLicensingOps } from "@/lib/ops/smart-accounts";

/** S-34 `Download Template`: the F-12a header row. */
export const GET = uiRoute(async ({ ctx }) => {
  requireLicensingOps(ctx);
  return csvResponse(catalogueTemplateCsv(), CATALOGUE_TEMPLATE_NAME);
});
