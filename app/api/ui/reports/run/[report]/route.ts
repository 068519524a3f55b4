import { attachmentHeaders, csvStream } from "@/lib/formats/csv";
import { XLSX_CONTENT_TYPE, xlsxStream } from "@/lib/formats/xlsx";
import { uiRoute } from "@/lib/http/route";
import { prepareReport } from "@/lib/reports/run";
import { runReportFromQuery } from "@/lib/reports/schemas";

/** S-25 / W-55 `Run Report`: the F-17 CSV or XLSX, streamed as the rows are read; no event. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const input = runReportFromQuery(url.pathname.split("/").at(-1) ?? "", url);
  const report = await prepareReport(db, ctx, input);
  if (input.format === "xlsx") {
    return new Response(xlsxStream(report.sheetName, report.header, report.rows), { headers: attachmentHeaders(report.fileName, XLSX_CONTENT_TYPE) });
  }
  return new Response(csvStream(report.header, report.rows), { headers: attachmentHeaders(report.fileName, "text/csv; charset=utf-8") });
});
