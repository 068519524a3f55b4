import { gunzipSync } from "node:zlib";
import { XMLValidator } from "fast-xml-parser";
import { extract } from "tar-stream";

/** Test-side reading of F-1 documents and F-2 bundles: well-formed XML, children in order, JSON bodies. */
export type ReadChild = { element: string; body: Record<string, unknown> };

export function readUsageXml(xml: string): ReadChild[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg}`);
  const root = /<smartLicense>([\s\S]*)<\/smartLicense>/.exec(xml);
  if (!root) throw new Error("The root element is not smartLicense.");
  return [...root[1].matchAll(/<([A-Za-z]+)>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/\1>/g)].map((m) => ({
    element: m[1],
    body: JSON.parse([...m[2].matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((c) => c[1]).join("")),
  }));
}

export async function readTar(bytes: Buffer): Promise<{ name: string; body: string }[]> {
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const entries: { name: string; body: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    const ex = extract();
    ex.on("entry", (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on("data", (c) => parts.push(c as Buffer));
      stream.on("end", () => {
        entries.push({ name: header.name, body: Buffer.concat(parts).toString("utf8") });
        next();
      });
    });
    ex.on("finish", resolve);
    ex.on("error", reject);
    ex.end(tar);
  });
  return entries;
}
