import { Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { extract, type Header } from "tar-stream";
import { ValidationError } from "@/lib/access/errors";
import { MAX_MEMBER_NAME_BYTES, MAX_MEMBERS, MAX_RATIO, RATIO_CHECK_AFTER_BYTES } from "../config";
import { V22_DAMAGED, V22_NESTED, V22_RATIO, V22_TOO_MANY, v20Expands, v23Path, v24Link } from "../messages";
import { isGzip } from "./sniff";

/** What the walk hands out: the root (and nested) `manifest.mf` texts and every usage member. */
export type ArchiveVisitor = {
  manifest(text: string, nestedIn: string | null): void | Promise<void>;
  member(member: { path: string; nestedIn: string | null; content: Buffer }): void | Promise<void>;
  /** V-25: a regular file that is neither usage data nor a manifest, ignored. */
  ignored(path: string): void;
};

export type ArchiveLimits = {
  /** Size of the whole upload, the denominator of the V-22 ratio. */
  uploadBytes: number;
  maxExpandedBytes: number;
  maxExpandedMb: number;
};

/** Bytes the upload has expanded to so far, over every level (V-20, V-22). */
class Budget {
  expanded = 0;
  members = 0;
  constructor(private limits: ArchiveLimits) {}
  grow(n: number): void {
    this.expanded += n;
    if (this.expanded > this.limits.maxExpandedBytes) throw new ValidationError(v20Expands(this.limits.maxExpandedMb), "file");
    if (this.expanded > RATIO_CHECK_AFTER_BYTES && this.expanded > MAX_RATIO * Math.max(1, this.limits.uploadBytes)) {
      throw new ValidationError(V22_RATIO, "file");
    }
  }
  count(): void {
    if (++this.members > MAX_MEMBERS) throw new ValidationError(V22_TOO_MANY, "file");
  }
}

/** V-23: no absolute path, drive letter, `..` segment or NUL, at most 255 bytes. */
export function checkMemberPath(name: string): string {
  const unsafe =
    name.includes("\0") ||
    Buffer.byteLength(name, "utf8") > MAX_MEMBER_NAME_BYTES ||
    /^[/\\]/.test(name) ||
    /^[A-Za-z]:/.test(name) ||
    name.split(/[/\\]/).includes("..");
  if (unsafe) throw new ValidationError(v23Path(name.replace(/\0/g, "\\0")), "file");
  return name.replace(/^(\.\/)+/, "");
}

type Kind = "manifest" | "usage" | "nested" | "ignored";

/** V-25 / F-2 member kinds by name: `manifest.mf`, `*.xml`/`*.txt`, nested `UD_*.tar(.gz)`. */
export function memberKind(path: string, depth: number): Kind {
  const base = path.split("/").pop() ?? path;
  if (path.toLowerCase() === "manifest.mf") return "manifest";
  if (/\.(xml|txt)$/i.test(base)) return "usage";
  if (/^UD_.*\.tar(\.gz)?$/i.test(base)) {
    if (depth >= 1) throw new ValidationError(V22_NESTED, "file");
    return "nested";
  }
  return "ignored";
}

const ALLOWED_TYPES = new Set<Header["type"]>(["file", "contiguous-file", "directory"]);

function damaged(err: unknown): Error {
  return err instanceof ValidationError ? err : new ValidationError(V22_DAMAGED, "file");
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/**
 * Walks one tar stream (gunzipped on the way when `gzip`), refusing before it expands: member
 * count, ratio and total size (V-20, V-22), unsafe paths (V-23), links and special files (V-24).
 * Nested `UD_*.tar(.gz)` members are walked one level deep.
 */
async function walkTar(source: Readable, gzip: boolean, depth: number, nestedIn: string | null, budget: Budget, visit: ArchiveVisitor) {
  const ex = extract();
  const fail = (err: unknown) => ex.destroy(damaged(err));
  let input: Readable = source;
  if (gzip) {
    const gunzip = createGunzip();
    source.on("error", fail);
    input = source.pipe(gunzip);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        try {
          budget.grow(chunk.length);
          done(null, chunk);
        } catch (err) {
          done(err as Error);
        }
      },
    });
    gunzip.on("error", fail);
    input = gunzip.pipe(counter);
  } else if (depth === 0) {
    // An uncompressed upload cannot expand beyond itself; it still counts towards V-20.
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        try {
          budget.grow(chunk.length);
          done(null, chunk);
        } catch (err) {
          done(err as Error);
        }
      },
    });
    source.on("error", fail);
    input = source.pipe(counter);
  }
  input.on("error", fail);
  input.pipe(ex as unknown as NodeJS.WritableStream);

  try {
    for await (const entry of ex) {
      budget.count();
      const path = checkMemberPath(entry.header.name);
      if (!ALLOWED_TYPES.has(entry.header.type)) {
        entry.resume();
        throw new ValidationError(v24Link(path), "file");
      }
      if (entry.header.type === "directory") {
        entry.resume();
        continue;
      }
      const kind = memberKind(path, depth);
      const label = nestedIn ? `${nestedIn}/${path}` : path;
      if (kind === "ignored") {
        for await (const chunk of entry) void chunk;
        visit.ignored(label);
        continue;
      }
      const content = await readAll(entry);
      if (kind === "manifest") await visit.manifest(content.toString("utf8"), nestedIn);
      else if (kind === "usage") await visit.member({ path, nestedIn, content });
      else await walkTar(Readable.from([content]), isGzip(content), depth + 1, path, budget, visit);
    }
  } catch (err) {
    ex.destroy();
    throw damaged(err);
  }
}

/** Walks a TAR or TGZ upload from a fresh byte stream. */
export async function walkArchive(source: Readable, gzip: boolean, limits: ArchiveLimits, visit: ArchiveVisitor): Promise<void> {
  await walkTar(source, gzip, 0, null, new Budget(limits), visit);
}
