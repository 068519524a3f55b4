/** F-16 entitlement and software tags: `regid.<YYYY-MM>.com.cisco.<SHORT_TAG>,<ver>_<uuid>`. */
export const ENTITLEMENT_TAG_RE =
  /^regid\.\d{4}-\d{2}\.com\.cisco\.[A-Za-z0-9_.+-]+,\d+(\.\d+)*_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

export function isEntitlementTag(tag: string): boolean {
  return ENTITLEMENT_TAG_RE.test(tag);
}

/**
 * F-16 input normalisation: a `.` where the comma before the version belongs becomes `,`
 * (`ax_10G.1.0_…` → `ax_10G,1.0_…`). The earliest such dot wins, which keeps the longest version.
 * A tag that matches already, or cannot be fixed this way, is returned trimmed and otherwise as given.
 */
export function normaliseEntitlementTag(raw: string): string {
  const tag = raw.trim();
  if (isEntitlementTag(tag)) return tag;
  const start = tag.indexOf(".com.cisco.");
  if (start < 0) return tag;
  for (let i = tag.indexOf(".", start + ".com.cisco.".length); i >= 0; i = tag.indexOf(".", i + 1)) {
    const candidate = `${tag.slice(0, i)},${tag.slice(i + 1)}`;
    if (isEntitlementTag(candidate)) return candidate;
  }
  return tag;
}

/** The part between `com.cisco.` and `,` (F-12a default short tag). */
export function shortTagOf(tag: string): string {
  const from = tag.indexOf("com.cisco.") + "com.cisco.".length;
  return tag.slice(from, tag.indexOf(",", from));
}
