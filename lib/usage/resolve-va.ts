import type { MemberSpec } from "./upload/manifest";

type Va = { id: string; name: string; vaNumericId: string };
type Sa = { name: string; accountId: string };

/** True when the manifest says the file was produced for another Smart Account (F-2). */
export function producedForOtherAccount(spec: MemberSpec, sa: Sa): boolean {
  if (spec.smartAccountId) return spec.smartAccountId !== sa.accountId;
  if (spec.smartAccount) return spec.smartAccount.toLowerCase() !== sa.name.toLowerCase();
  return false;
}

/**
 * F-2 VA resolution of one member: `Specification-VA-ID` in this SA, else an exact name, else a
 * unique case-insensitive name; a VA the uploader cannot write counts as unknown (W-10 step 3.7),
 * and so does every member of a file produced for another Smart Account. Null = ask the user (S-26).
 */
export function resolveMemberVa(spec: MemberSpec, sa: Sa, vas: Va[], writable: Set<string>): string | null {
  if (producedForOtherAccount(spec, sa)) return null;
  let found: Va | undefined;
  if (spec.vaId) found = vas.find((v) => v.vaNumericId === spec.vaId);
  if (!found && spec.va) {
    found = vas.find((v) => v.name === spec.va);
    if (!found) {
      const matches = vas.filter((v) => v.name.toLowerCase() === spec.va!.toLowerCase());
      if (matches.length === 1) found = matches[0];
    }
  }
  return found && writable.has(found.id) ? found.id : null;
}
