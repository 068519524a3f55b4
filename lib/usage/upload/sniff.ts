import type { Container } from "./file-name";

/** W-10 step 3.2: gzip magic `1f 8b`; tar `ustar` at offset 257; otherwise XML text. */
export function sniffContainer(head: Buffer): Container {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "TGZ";
  if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "TAR";
  return "XML";
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export function isTar(head: Buffer): boolean {
  return head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar";
}
