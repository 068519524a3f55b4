import { XMLValidator } from "fast-xml-parser";
import { ValidationError } from "@/lib/access/errors";
import { MAX_XML_DEPTH } from "../config";
import { V26_DOCTYPE, V27_NOT_USAGE, v26NotWellFormed } from "../messages";

/** One direct child of a `<smartLicense>` root: its name and its text (CDATA and unescaped text). */
export type XmlChild = { element: string; text: string; hasElements: boolean };
export type XmlDocument = { root: string; children: XmlChild[] };

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function lineColumn(s: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = s.indexOf("\n"); i !== -1 && i < index; i = s.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function notWellFormed(s: string, index: number): ValidationError {
  const { line, column } = lineColumn(s, index);
  return new ValidationError(v26NotWellFormed(line, column), "file");
}

/** XML declarations become spaces (newlines kept), so concatenated documents validate as one. */
function blankDeclarations(s: string): string {
  return s.replace(/<\?xml(?:\s[\s\S]*?)?\?>/g, (m) => m.replace(/[^\n]/g, " "));
}

/**
 * Well-formedness with line and column (V-26). The documents of a file are validated together inside
 * a synthetic root, which shifts only the first line's columns.
 */
function validate(s: string): void {
  const WRAP = "<r>";
  const result = XMLValidator.validate(`${WRAP}${s}</r>`);
  if (result === true) return;
  const { line, col } = result.err as { line: number; col?: number };
  const column = Math.max(1, (col ?? 1) - (line === 1 ? WRAP.length : 0));
  throw new ValidationError(v26NotWellFormed(line, column), "file");
}

/**
 * Splits well-formed text into its `<smartLicense>` documents and their direct children, checking
 * the depth limit (V-26) on the way. Linear: one pass with indexOf.
 */
function tokenize(s: string): XmlDocument[] {
  const docs: XmlDocument[] = [];
  let depth = 0;
  let doc: XmlDocument | null = null;
  let child: (XmlChild & { parts: string[] }) | null = null;
  let i = 0;
  const closeTo = (newDepth: number) => {
    if (newDepth === 1 && child && doc) {
      doc.children.push({ element: child.element, text: child.parts.join(""), hasElements: child.hasElements });
      child = null;
    }
    if (newDepth === 0 && doc) {
      docs.push(doc);
      doc = null;
    }
    depth = newDepth;
  };
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    const textEnd = lt === -1 ? s.length : lt;
    if (textEnd > i) {
      const text = s.slice(i, textEnd);
      if (depth === 0 && text.trim() !== "") throw notWellFormed(s, i + text.search(/\S/));
      if (depth === 2 && child) child.parts.push(decodeEntities(text));
    }
    if (lt === -1) break;
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      if (end === -1) throw notWellFormed(s, lt);
      if (depth === 2 && child) child.parts.push(s.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      if (end === -1) throw notWellFormed(s, lt);
      i = end + 3;
      continue;
    }
    if (s.startsWith("<?", lt)) {
      const end = s.indexOf("?>", lt + 2);
      if (end === -1) throw notWellFormed(s, lt);
      i = end + 2;
      continue;
    }
    let j = lt + 1;
    let quote = "";
    for (; j < s.length; j++) {
      const c = s[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    if (j >= s.length) throw notWellFormed(s, lt);
    if (s[lt + 1] === "/") {
      if (depth === 0) throw notWellFormed(s, lt);
      closeTo(depth - 1);
      i = j + 1;
      continue;
    }
    const name = /^[^\s/>]+/.exec(s.slice(lt + 1, Math.min(j, lt + 200)))?.[0] ?? "";
    const selfClosing = s[j - 1] === "/";
    depth++;
    if (depth > MAX_XML_DEPTH) throw notWellFormed(s, lt);
    if (depth === 1) doc = { root: name, children: [] };
    else if (depth === 2) child = { element: name, text: "", hasElements: false, parts: [] };
    else if (child) child.hasElements = true;
    if (selfClosing) closeTo(depth - 1);
    i = j + 1;
  }
  if (depth !== 0) throw notWellFormed(s, s.length);
  return docs;
}

/**
 * V-26 then the F-1.1 document shape: DOCTYPE/ENTITY refused before any parsing, well-formedness
 * with line/column, depth ≤ 8, and every root `smartLicense` (V-27). Concatenated documents are
 * returned one by one; the caller merges their children.
 * `trusted` skips the well-formedness pass for a stored upload that passed it already.
 */
export function parseUsageXml(raw: string, options: { trusted?: boolean } = {}): XmlDocument[] {
  const text = raw.replace(/^\uFEFF/, "");
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new ValidationError(V26_DOCTYPE, "file");
  const blanked = blankDeclarations(text);
  if (!options.trusted) validate(blanked);
  const docs = tokenize(blanked);
  if (docs.length === 0 || docs.some((d) => d.root !== "smartLicense")) throw new ValidationError(V27_NOT_USAGE, "file");
  return docs;
}
