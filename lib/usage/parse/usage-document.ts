import { ValidationError } from "@/lib/access/errors";
import type { UsageElement } from "@/lib/usage/format/rum-writer";
import { MAX_CHILD_BYTES, MAX_CHILDREN } from "../config";
import { V27_NOTHING, v27aTooLarge, v27aTooMany, v27Missing, v27NotJson } from "../messages";
import { parseUsageXml } from "./safe-xml";

export const RECOGNISED: readonly UsageElement[] = [
  "RUMReport",
  "TrustCodeRequest",
  "InstanceInfo",
  "DLCReport",
  "AuthorizationRequest",
  "AuthorizationReturn",
];
const RECOGNISED_SET = new Set<string>(RECOGNISED);

/** One recognised F-1.1 child with its parsed JSON. `index` is its 1-based place among them. */
export type UsageEntry = { element: UsageElement; index: number; body: Record<string, unknown> };
export type UsageDocument = { entries: UsageEntry[]; warnings: string[] };

export const unknownElementWarning = (element: string, name: string) => `Unknown element ${element} in ${name} was skipped.`;

/**
 * F-1 document checks (V-26, V-27, V-27a) for one uploaded XML file or tar member `name`:
 * the children of concatenated documents merged, unknown ones skipped with a warning, each
 * recognised child's JSON parsed, a `RUMReport` needing a `payload` string and a `signature` object.
 */
export function parseUsageDocument(text: string, name: string, options: { trusted?: boolean } = {}): UsageDocument {
  const docs = parseUsageXml(text, options);
  const children = docs.flatMap((d) => d.children);
  if (children.length > MAX_CHILDREN) throw new ValidationError(v27aTooMany(name), "file");
  const entries: UsageEntry[] = [];
  const warnings: string[] = [];
  for (const child of children) {
    if (Buffer.byteLength(child.text, "utf8") > MAX_CHILD_BYTES) throw new ValidationError(v27aTooLarge(name), "file");
    if (!RECOGNISED_SET.has(child.element)) {
      warnings.push(unknownElementWarning(child.element, name));
      continue;
    }
    const index = entries.length + 1;
    let body: unknown;
    try {
      if (child.hasElements) throw new Error("nested elements");
      body = JSON.parse(child.text);
    } catch {
      throw new ValidationError(v27NotJson(index), "file");
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new ValidationError(v27NotJson(index), "file");
    const obj = body as Record<string, unknown>;
    if (child.element === "RUMReport") {
      const sig = obj.signature;
      if (typeof obj.payload !== "string" || !sig || typeof sig !== "object" || Array.isArray(sig)) {
        throw new ValidationError(v27Missing(index), "file");
      }
    }
    entries.push({ element: child.element as UsageElement, index, body: obj });
  }
  if (entries.length === 0) throw new ValidationError(V27_NOTHING, "file");
  return { entries, warnings };
}
