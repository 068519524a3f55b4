import { Readable } from "node:stream";
import { ValidationError } from "@/lib/access/errors";
import { usageConfig } from "./config";
import { V25_NO_USAGE, V20_EMPTY } from "./messages";
import { parseUsageDocument, type UsageEntry } from "./parse/usage-document";
import { walkArchive } from "./upload/archive";
import type { Container } from "./upload/file-name";
import { type Manifest, type MemberSpec, parseManifest, specFor } from "./upload/manifest";
import { isGzip, sniffContainer } from "./upload/sniff";

/** The bytes of an upload: its first bytes, a way to stream it (again), and its size. */
export type UploadSource = {
  sizeBytes: number;
  head: Buffer;
  open(): Readable;
  /** The whole content (XML uploads are read whole; they are at most N MiB). */
  bytes(): Promise<Buffer>;
  /** SHA-256 (hex) when already computed while the upload streamed in. */
  sha256?: string;
};

export type InspectedMember = {
  /** Path in the upload (`UD_x.tar/dev_1.xml` inside a nested tar); the file name for XML. */
  name: string;
  spec: MemberSpec;
  reportCount: number;
  elementCount: number;
  warnings: string[];
  /** Only with `keepEntries` (the processing job): the recognised children. */
  entries: UsageEntry[] | null;
};

export type Inspection = {
  container: Container;
  kind: "RUM" | "SLAC_REQUEST" | "SLAC_RETURN" | "MIXED";
  members: InspectedMember[];
  /** File-row warnings: ignored archive members and skipped unknown elements (V-25, F-1.1). */
  warnings: string[];
};

const ignoredWarning = (path: string) => `Ignored file ${path}: not usage data.`;

function kindOf(elements: Set<string>): Inspection["kind"] {
  const auth = ["AuthorizationRequest", "AuthorizationReturn"].filter((e) => elements.has(e));
  const other = [...elements].filter((e) => !auth.includes(e));
  if (auth.length === 0) return "RUM";
  if (other.length === 0 && auth.length === 1) return auth[0] === "AuthorizationRequest" ? "SLAC_REQUEST" : "SLAC_RETURN";
  return "MIXED";
}

/**
 * W-10 steps 3.2–3.5 without the database: sniff the container, unpack it safely, parse every
 * usage member (V-20..V-27a) and read the manifest. The job calls it again on the stored bytes
 * (`trusted`, `keepEntries`) to get the children back.
 */
export async function inspectUpload(
  source: UploadSource,
  fileName: string,
  options: { trusted?: boolean; keepEntries?: boolean } = {},
): Promise<Inspection> {
  if (source.sizeBytes === 0) throw new ValidationError(V20_EMPTY, "file");
  const container = sniffContainer(source.head);
  const members: InspectedMember[] = [];
  const warnings: string[] = [];
  const elements = new Set<string>();
  const take = (name: string, spec: MemberSpec, text: string) => {
    const doc = parseUsageDocument(text, name, options);
    for (const e of doc.entries) elements.add(e.element);
    warnings.push(...doc.warnings);
    members.push({
      name,
      spec,
      reportCount: doc.entries.filter((e) => e.element === "RUMReport").length,
      elementCount: doc.entries.length,
      warnings: doc.warnings,
      entries: options.keepEntries ? doc.entries : null,
    });
  };

  if (container === "XML") {
    const empty: MemberSpec = { va: null, vaId: null, smartAccount: null, smartAccountId: null };
    take(fileName, empty, (await source.bytes()).toString("utf8"));
    return { container, kind: kindOf(elements), members, warnings };
  }

  const manifests = new Map<string | null, Manifest>();
  const found: { path: string; nestedIn: string | null }[] = [];
  await walkArchive(
    source.open(),
    isGzip(source.head),
    { uploadBytes: source.sizeBytes, maxExpandedBytes: usageConfig.maxExpandedBytes, maxExpandedMb: usageConfig.maxExpandedMb },
    {
      manifest: (text, nestedIn) => void manifests.set(nestedIn, parseManifest(text)),
      // Members are parsed as they stream past, so only one is held at a time; the manifest may
      // come last, so the VA spec is attached after the walk.
      member: (m) => {
        const name = m.nestedIn ? `${m.nestedIn}/${m.path}` : m.path;
        take(name, { va: null, vaId: null, smartAccount: null, smartAccountId: null }, m.content.toString("utf8"));
        found.push({ path: m.path, nestedIn: m.nestedIn });
      },
      ignored: (path) => warnings.push(ignoredWarning(path)),
    },
  );
  if (members.length === 0) throw new ValidationError(V25_NO_USAGE, "file");
  members.forEach((m, i) => (m.spec = specFor(found[i].path, found[i].nestedIn, manifests)));
  return { container, kind: kindOf(elements), members, warnings };
}

/** An upload held in memory (the stored blob, tests, the seed). */
export function bufferSource(buf: Buffer): UploadSource {
  return {
    sizeBytes: buf.length,
    head: buf.subarray(0, 512),
    open: () => Readable.from([buf]),
    bytes: async () => buf,
  };
}
