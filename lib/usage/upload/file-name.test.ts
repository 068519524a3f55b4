import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { V21_TYPE } from "../messages";
import { ackFileName, checkUploadName } from "./file-name";
import { sniffContainer } from "./sniff";

describe("V-21 upload names and F-3 ACK names", () => {
  it.each(["usage_report", "rum_branch.xml", "rum.TXT", "UD_20240201T101500.tar", "UD_x.tar.gz", "bundle.tgz", "a.b.xml"])("accepts %s", (name) => {
    expect(checkUploadName(name)).toBe(name);
  });

  it.each(["usage.zip", "setup.exe", "list.csv", "x.gz", "dir/usage.xml", "..\\usage.xml", "", "a".repeat(201)])("refuses %s", (name) => {
    expect(() => checkUploadName(name)).toThrow(V21_TYPE);
  });

  it("mirrors the upload in the ACK name", () => {
    expect(ackFileName("usage_report", "XML")).toBe("ACK_usage_report.txt");
    expect(ackFileName("rum_branch.xml", "XML")).toBe("ACK_rum_branch.txt");
    expect(ackFileName("requests.xml", "XML", true)).toBe("SLAC_requests.txt");
    expect(ackFileName("UD_20240201T101500.tar", "TAR")).toBe("ACK_UD_20240201T101500.tar");
    expect(ackFileName("UD_x.tar.gz", "TGZ")).toBe("ACK_UD_x.tar.gz");
    expect(ackFileName("UD_x.tgz", "TGZ")).toBe("ACK_UD_x.tar.gz");
  });
});

describe("W-10 step 3.2 container sniffing", () => {
  it("recognises gzip by its magic, tar by ustar at 257, and XML otherwise, whatever the extension", async () => {
    const tar = await usageTar({ members: [{ name: "a.xml", content: "<smartLicense/>" }] });
    expect(sniffContainer(tar.subarray(0, 512))).toBe("TAR");
    expect(sniffContainer(gzipSync(tar).subarray(0, 512))).toBe("TGZ");
    expect(sniffContainer(Buffer.from("<?xml version=\"1.0\"?><smartLicense/>"))).toBe("XML");
    expect(sniffContainer(Buffer.from([0x1f]))).toBe("XML");
  });
});
