import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { pack } from "tar-stream";

const gzipAsync = promisify(gzip);

/** One member of an F-2 bundle, with the VA its manifest section names. */
export type TarMember = { name: string; content: string | Buffer; va?: string; vaId?: string };

export type BundleInput = {
  members: TarMember[];
  smartAccount?: string;
  smartAccountId?: string;
  createdBy?: string;
  /** Extra global manifest lines (e.g. `ACK-For`), written after the standard ones. */
  extraGlobal?: Record<string, string>;
  gzip?: boolean;
};

/** F-2 `manifest.mf`: a global section, then one `Name:` section per member that names a VA. */
export function usageManifest(input: Omit<BundleInput, "gzip">): string {
  const global = [`Manifest-Version: 1.0`, `Created-By: ${input.createdBy ?? "OpenSSM"}`];
  if (input.smartAccount) global.push(`Smart-Account: ${input.smartAccount}`);
  if (input.smartAccountId) global.push(`Smart-Account-ID: ${input.smartAccountId}`);
  for (const [k, v] of Object.entries(input.extraGlobal ?? {})) global.push(`${k}: ${v}`);
  const sections = [global.join("\n")];
  for (const m of input.members) {
    if (!m.va && !m.vaId) continue;
    const lines = [`Name: ${m.name}`];
    if (m.va) lines.push(`Specification-VA: ${m.va}`);
    if (m.vaId) lines.push(`Specification-VA-ID: ${m.vaId}`);
    sections.push(lines.join("\n"));
  }
  return sections.join("\n\n") + "\n";
}

/** Writes a POSIX ustar bundle (optionally gzipped) with `manifest.mf` first. */
export async function usageTar(input: BundleInput): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    tar.on("data", (c) => chunks.push(c as Buffer));
    tar.on("end", () => resolve(Buffer.concat(chunks)));
    tar.on("error", reject);
  });
  const mtime = new Date(0);
  tar.entry({ name: "manifest.mf", mtime }, usageManifest(input));
  for (const m of input.members) tar.entry({ name: m.name, mtime }, typeof m.content === "string" ? Buffer.from(m.content, "utf8") : m.content);
  tar.finalize();
  const bytes = await done;
  return input.gzip ? gzipAsync(bytes) : bytes;
}
