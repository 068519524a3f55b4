/** A file download (S-0): `Content-Disposition: attachment` with the §5 file name. */
export function attachmentResponse(body: string, fileName: string, contentType = "application/octet-stream"): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
