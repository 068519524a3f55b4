import { gzipSync } from "node:zlib";
import { pack, type Header } from "tar-stream";
import { describe, expect, it } from "vitest";
import { usageXml } from "@/lib/usage/format/rum-writer";
import { bufferSource, inspectUpload } from "../inspect";
import {
  V22_DAMAGED,
  V22_NESTED,
  V22_RATIO,
  V22_TOO_MANY,
  V25_NO_USAGE,
  v20Expands,
  v23Path,
  v24Link,
} from "../messages";

type Entry = Partial<Header> & { name: string; body?: Buffer | string };

async function tar(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    p.on("data", (c) => chunks.push(c as Buffer));
    p.on("end", () => resolve(Buffer.concat(chunks)));
    p.on("error", reject);
  });
  for (const { body, ...header } of entries) {
    if (header.type && header.type !== "file") p.entry(header);
    else p.entry(header, typeof body === "string" ? Buffer.from(body) : (body ?? Buffer.alloc(0)));
  }
  p.finalize();
  return done;
}

/** A bare ustar directory header, written by hand: packing 100,001 entries with tar-stream takes seconds. */
function directoryHeader(name: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, "utf8");
  h.write("0000755\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write("00000000000\0", 124);
  h.write("00000000000\0", 136);
  h.write("        ", 148);
  h.write("5", 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return h;
}

const XML = usageXml([{ element: "RUMReport", body: { payload: "{}", signature: {} } }]);
const inspect = (buf: Buffer) => inspectUpload(bufferSource(buf), "UD_test.tar");
const refusal = async (buf: Buffer) => {
  try {
    await inspect(buf);
  } catch (err) {
    return (err as Error).message;
  }
  return "accepted";
};

describe("V-22..V-25 safe tar extraction", () => {
  it("reads a tar and a tar.gz with a manifest, ignoring other files with a warning", async () => {
    const plain = await tar([
      { name: "manifest.mf", body: "Manifest-Version: 1.0\nSmart-Account: Eg-SA-01\n\nName: dev_A_1.xml\nSpecification-VA: Eg-VA-01\n" },
      { name: "docs", type: "directory" },
      { name: "dev_A_1.xml", body: XML },
      { name: "readme.pdf", body: "x" },
    ]);
    for (const buf of [plain, gzipSync(plain)]) {
      const r = await inspect(buf);
      expect(r.container).toBe(buf === plain ? "TAR" : "TGZ");
      expect(r.members.map((m) => [m.name, m.spec.va, m.spec.smartAccount, m.reportCount])).toEqual([["dev_A_1.xml", "Eg-VA-01", "Eg-SA-01", 1]]);
      expect(r.warnings).toEqual(["Ignored file readme.pdf: not usage data."]);
    }
  });

  it("walks a nested UD_ tar one level deep, the outer section naming it applying to its members", async () => {
    const inner = gzipSync(await tar([{ name: "dev_B_1.xml", body: XML }]));
    const outer = await tar([
      { name: "manifest.mf", body: "Manifest-Version: 1.0\n\nName: UD_inner.tar.gz\nSpecification-VA: Krakow LAN-SW\n" },
      { name: "UD_inner.tar.gz", body: inner },
    ]);
    const r = await inspect(outer);
    expect(r.members.map((m) => [m.name, m.spec.va])).toEqual([["UD_inner.tar.gz/dev_B_1.xml", "Krakow LAN-SW"]]);
  });

  it("refuses nesting deeper than one level", async () => {
    const innermost = await tar([{ name: "dev_C_1.xml", body: XML }]);
    const middle = await tar([{ name: "UD_b.tar", body: innermost }]);
    expect(await refusal(await tar([{ name: "UD_a.tar", body: middle }]))).toBe(V22_NESTED);
  });

  it.each([
    ["../x.xml", v23Path("../x.xml")],
    ["a/../../x.xml", v23Path("a/../../x.xml")],
    ["/etc/x.xml", v23Path("/etc/x.xml")],
    ["C:/x.xml", v23Path("C:/x.xml")],
    [`${"a".repeat(250)}/x.xml`, v23Path(`${"a".repeat(250)}/x.xml`)],
  ])("refuses the unsafe path %s", async (name, message) => {
    expect(await refusal(await tar([{ name, body: XML }]))).toBe(message);
  });

  it.each([
    ["symlink", { name: "dev.xml", type: "symlink", linkname: "/etc/passwd" }],
    ["hard link", { name: "dev.xml", type: "link", linkname: "other.xml" }],
    ["FIFO", { name: "dev.xml", type: "fifo" }],
    ["device", { name: "dev.xml", type: "character-device", devmajor: 1, devminor: 3 }],
  ] as [string, Entry][])("refuses the whole upload for a %s", async (_label, entry) => {
    expect(await refusal(await tar([{ name: "ok.xml", body: XML }, entry]))).toBe(v24Link("dev.xml"));
  });

  it("refuses a gzip stream with a bad CRC, and a truncated tar", async () => {
    const good = await tar([{ name: "dev_A_1.xml", body: XML }]);
    const gz = gzipSync(good);
    gz[gz.length - 6] ^= 0xff; // a CRC-32 byte of the gzip trailer
    expect(await refusal(gz)).toBe(V22_DAMAGED);
    expect(await refusal(good.subarray(0, 700))).toBe(V22_DAMAGED);
    expect(await refusal(gzipSync(good).subarray(0, 40))).toBe(V22_DAMAGED);
    const badHeader = Buffer.from(good);
    badHeader[148] ^= 0x07; // the header checksum field
    expect(await refusal(badHeader)).toBe(V22_DAMAGED);
  });

  it("refuses a file that expands more than 100:1 once past 1 MiB", async () => {
    const bomb = gzipSync(await tar([{ name: "dev_A_1.xml", body: Buffer.alloc(3 * 1024 * 1024, 0x20) }]));
    expect(bomb.length).toBeLessThan(30_000);
    expect(await refusal(bomb)).toBe(V22_RATIO);
  });

  it("refuses a file that expands past 4 × N MiB", async () => {
    const before = process.env.OPENSSM_MAX_UPLOAD_MB;
    process.env.OPENSSM_MAX_UPLOAD_MB = "0.25"; // M = 1 MiB
    try {
      const random = Buffer.from(Array.from({ length: 1200 * 1024 }, (_, i) => (i * 7919) % 251));
      expect(await refusal(await tar([{ name: "dev_A_1.xml", body: random }]))).toBe(v20Expands(1));
    } finally {
      if (before === undefined) delete process.env.OPENSSM_MAX_UPLOAD_MB;
      else process.env.OPENSSM_MAX_UPLOAD_MB = before;
    }
  });

  it("refuses more than 100,000 members", async () => {
    const headers = Array.from({ length: 100_001 }, (_, i) => directoryHeader(`d${i}/`));
    expect(await refusal(gzipSync(Buffer.concat([...headers, Buffer.alloc(1024)])))).toBe(V22_TOO_MANY);
  });

  it("refuses an archive without usage data", async () => {
    expect(await refusal(await tar([{ name: "manifest.mf", body: "Manifest-Version: 1.0\n" }, { name: "notes.pdf", body: "x" }]))).toBe(V25_NO_USAGE);
  });
});
