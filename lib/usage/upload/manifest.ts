/** F-2 `manifest.mf`: a global section, then `Name:` sections naming a member (or a nested tar). */
export type Manifest = {
  smartAccount: string | null;
  smartAccountId: string | null;
  /** Member path → its VA name and numeric id. */
  sections: Map<string, { va: string | null; vaId: string | null }>;
};

function sectionsOf(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let lastKey: string | null = null;
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (raw.trim() === "") {
      if (current.size) out.push(current);
      current = new Map();
      lastKey = null;
      continue;
    }
    // A line starting with a space continues the previous value (JAR manifest style).
    if (raw.startsWith(" ") && lastKey) {
      current.set(lastKey, current.get(lastKey)! + raw.slice(1));
      continue;
    }
    const colon = raw.indexOf(":");
    if (colon <= 0) continue;
    lastKey = raw.slice(0, colon).trim().toLowerCase();
    current.set(lastKey, raw.slice(colon + 1).trim());
  }
  if (current.size) out.push(current);
  return out;
}

export function parseManifest(text: string): Manifest {
  const sections = sectionsOf(text);
  const global = sections[0] && !sections[0].has("name") ? sections[0] : new Map<string, string>();
  const manifest: Manifest = {
    smartAccount: global.get("smart-account") || null,
    smartAccountId: global.get("smart-account-id") || null,
    sections: new Map(),
  };
  for (const s of sections) {
    const name = s.get("name");
    if (!name) continue;
    manifest.sections.set(name.replace(/^(\.\/)+/, ""), { va: s.get("specification-va") || null, vaId: s.get("specification-va-id") || null });
  }
  return manifest;
}

export type MemberSpec = { va: string | null; vaId: string | null; smartAccount: string | null; smartAccountId: string | null };

/**
 * The manifest data that applies to one member: its own section in the manifest of the tar it sits
 * in, else the outer section naming that nested tar (F-2: such a section covers every member in it).
 */
export function specFor(path: string, nestedIn: string | null, manifests: Map<string | null, Manifest>): MemberSpec {
  const own = manifests.get(nestedIn);
  const outer = nestedIn ? manifests.get(null) : undefined;
  const section = own?.sections.get(path) ?? (nestedIn ? outer?.sections.get(nestedIn) : undefined);
  return {
    va: section?.va ?? null,
    vaId: section?.vaId ?? null,
    smartAccount: own?.smartAccount ?? outer?.smartAccount ?? null,
    smartAccountId: own?.smartAccountId ?? outer?.smartAccountId ?? null,
  };
}
