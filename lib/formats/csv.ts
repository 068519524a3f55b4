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

/** One RFC 4180 record, quoted exactly as `toCsv` quotes it. */
export function csvRecord(cells: (string | number | null | undefined)[]): string {
  return Papa.unparse([cells.map((v) => (v === null || v === undefined ? "" : String(v)))], { newline: "\r\n" });
}

/** `toCsv` as a stream: BOM and header first, then each record as the source yields it. */
export function csvStream(header: string[], rows: AsyncIterable<(string | number | null | undefined)[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + csvRecord(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode("\r\n" + csvRecord(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A file download (S-0): `Content-Disposition: attachment`, with a UTF-8 name for non-ASCII names. */
export function attachmentHeaders(fileName: string, contentType: string): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "no-store",
  };
}
