import canonicalizeJson from "canonicalize";

/** RFC 8785 (JCS) canonical JSON: the exact text every signed document carries (F-4). */
export function jcs(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new Error("Value cannot be canonicalized as JSON.");
  return text;
}
