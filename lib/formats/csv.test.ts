import { describe, expect, it } from "vitest";
import { attachmentHeaders, csvStream, toCsv } from "./csv";

describe("F-17 CSV", () => {
  const header = ["Virtual Account", "License", "Balance"];
  const rows = [
    ["Krakow LAN-SW", 'C9500 "32QC", DNA', "-1"],
    ["Eg-VA-01", "", 4],
  ];

  it("streams byte for byte what toCsv writes: BOM, header, CRLF records, RFC 4180 quoting", async () => {
    async function* source() {
      yield* rows;
    }
    const bytes = Buffer.from(await new Response(csvStream(header, source())).arrayBuffer());
    expect(bytes.equals(Buffer.from(toCsv(header, rows), "utf8"))).toBe(true);
    expect(bytes.toString("utf8")).toBe('\uFEFFVirtual Account,License,Balance\r\nKrakow LAN-SW,"C9500 ""32QC"", DNA",-1\r\nEg-VA-01,,4');
  });

  it("names a download in ASCII and in UTF-8", () => {
    expect(attachmentHeaders("SynchFile_Kraków LAN-SW_20240310.xml", "application/xml")["Content-Disposition"]).toBe(
      `attachment; filename="SynchFile_Krak_w LAN-SW_20240310.xml"; filename*=UTF-8''SynchFile_Krak%C3%B3w%20LAN-SW_20240310.xml`,
    );
  });
});
