import { ValidationError } from "@/lib/access/errors";
import { V21_TYPE } from "../messages";

/** V-21 */
export const MAX_FILE_NAME_LENGTH = 200;

export type Container = "XML" | "TAR" | "TGZ";

const KNOWN_SUFFIX = /(\.tar\.gz|\.tgz|\.tar|\.xml|\.txt)$/i;

/**
 * V-21: `.tar`, `.tgz`, `.tar.gz`, `.xml`, `.txt` or no extension; at most 200 characters and no
 * path parts. Returns the name as the file row keeps it (verbatim).
 */
export function checkUploadName(name: string): string {
  if (!name || name.length > MAX_FILE_NAME_LENGTH || /[/\\\0]/.test(name) || name === "." || name === "..") {
    throw new ValidationError(V21_TYPE, "file");
  }
  if (KNOWN_SUFFIX.test(name)) return name;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return name; // no extension (a leading dot alone is a hidden name, not an extension)
  throw new ValidationError(V21_TYPE, "file");
}

/** The name without its usage-file extension: `usage_report.xml` → `usage_report`. */
export function baseName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? name;
  return last.replace(KNOWN_SUFFIX, "") || last;
}

/**
 * F-3 download names: `ACK_X.txt` for XML/text uploads (`SLAC_X.txt` when the file holds only
 * authorization requests), `ACK_U.tar` / `ACK_U.tar.gz` mirroring a tar upload.
 */
export function ackFileName(uploadName: string, container: Container, onlyAuthorizationRequests = false): string {
  const base = baseName(uploadName);
  if (container === "TAR") return `ACK_${base}.tar`;
  if (container === "TGZ") return `ACK_${base}.tar.gz`;
  return `${onlyAuthorizationRequests ? "SLAC" : "ACK"}_${base}.txt`;
}
