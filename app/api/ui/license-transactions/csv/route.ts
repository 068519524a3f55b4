import { now } from "@/lib/clock";
import { csvResponse, exportFileName, toCsv } from "@/lib/formats/csv";
import { searchParamsObject, uiRoute } from "@/lib/http/route";
import { ledgerFilterSchema, queryLedger } from "@/lib/licensing/ledger";

/** S-31 `Export to CSV` (F-17): every row matching the filter, times in ISO 8601 UTC. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const f = ledgerFilterSchema.parse(searchParamsObject(url));
  const result = await queryLedger(db, ctx, f, { all: true });
  const body = toCsv(
    ["Date", "Transaction", "License", "SKU", "Quantity", "Virtual Account", "Reference", "User"],
    result.rows.map((r) => [r.occurredAt.toISOString(), r.transaction, r.license, r.sku, r.quantity, r.virtualAccount, r.reference, r.user]),
  );
  return csvResponse(body, exportFileName("LicenseTransactions", result.smartAccountName, now()));
});
