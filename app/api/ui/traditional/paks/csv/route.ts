import { cookies } from "next/headers";
import { SA_COOKIE } from "@/lib/access/current-account";
import { now } from "@/lib/clock";
import { csvResponse, exportFileName, toCsv } from "@/lib/formats/csv";
import { searchParamsObject, uiRoute } from "@/lib/http/route";
import { listPakRows, pakListSchema } from "@/lib/traditional/list-paks";
import { traditionalSmartAccountName } from "@/lib/traditional/smart-account-label";

/** S-52 `Export to CSV` (F-17): every listed PAK line, in the on-screen order. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = pakListSchema.parse(searchParamsObject(url));
  const { rows } = await listPakRows(db, ctx, filter, { all: true });
  const body = toCsv(
    ["PAK/Token", "Virtual Account", "Order Number", "Product", "Status", "Used", "Available"],
    rows.map((r) => [r.pak, r.virtualAccountName ?? "-", r.orderNumber ?? "-", `Family: ${r.productFamily} SKU: ${r.sku}`, r.status, r.used, r.available]),
  );
  const sa = await traditionalSmartAccountName(db, ctx, (await cookies()).get(SA_COOKIE)?.value);
  return csvResponse(body, exportFileName("PAKs_or_Tokens", sa, now()));
});
