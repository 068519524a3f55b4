import { now } from "@/lib/clock";
import { csvResponse, exportFileName, toCsv } from "@/lib/formats/csv";
import { searchParamsObject, uiRoute } from "@/lib/http/route";
import { listProductInstances } from "@/lib/inventory/list";
import { piListSchema } from "@/lib/inventory/schemas";

/** S-15 `Export to CSV` (F-17): every row matching the search, in the on-screen order, times in ISO 8601 UTC. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = piListSchema.parse(searchParamsObject(url));
  const result = await listProductInstances(db, ctx, filter, { all: true });
  const body = toCsv(
    ["Name", "Product Type", "Last Contact", "Alerts"],
    result.rows.map((r) => [
      r.name,
      r.productType,
      (r.lastContactAt?.toISOString() ?? "") + (r.reservation !== "NONE" ? " (Reserved Licenses)" : ""),
      r.alerts,
    ]),
  );
  return csvResponse(body, exportFileName("ProductInstances", result.smartAccountName, now()));
});
