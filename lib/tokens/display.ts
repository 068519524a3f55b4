/** Browser-safe F-9 display helpers (no keys involved). */

/** S-8 `Token` dialog text: the URL-encoded token broken into its 60-character lines. */
export function wrapForDisplay(token: string): string {
  return token.replace(/%0A/g, "%0A\n").trimEnd();
}

/** S-7 token column: the first 18 characters followed by `..`. */
export function tokenPreview(token: string): string {
  return `${token.slice(0, 18)}..`;
}
