import Papa from "papaparse";

/** F-17: RFC 4180, UTF-8 with BOM, header row = on-screen column names. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + Papa.unparse({ fields: header, data: rows.map((r) => r.map((v) => v ?? "")) }, { newline: "\r\n" });
}

/** `{Screen}_{SA}_{yyyymmddThhmmss}.csv` */
export function exportFileName(screen: string, saName: string, at: Date, ext = "csv"): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").slice(0, 15);
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");
  return `${safe(screen)}_${safe(saName)}_${stamp}.${ext}`;
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
