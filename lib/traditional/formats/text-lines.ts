/** Input side of F-11a/b/c: BOM tolerated, CRLF or LF, blank lines ignored; `Key: value` pairs in order. */
export function keyValueLines(text: string): { key: string; value: string; raw: string }[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n/g, "\n")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((raw) => {
      const at = raw.indexOf(": ");
      if (at < 0) throw new Error(`Not a "Key: value" line: ${raw.slice(0, 40)}`);
      return { key: raw.slice(0, at), value: raw.slice(at + 2).trim(), raw };
    });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
