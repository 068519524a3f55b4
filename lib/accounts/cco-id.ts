import { like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";

/** D-1: the email's local part, lower-cased, outside `[a-z0-9._-]` → `-`, cut to 36; `-2`, `-3`… when taken. */
export function ccoIdBase(email: string): string {
  const local = email.split("@")[0] ?? "";
  return local.toLowerCase().replace(/[^a-z0-9._-]/g, "-").slice(0, 36);
}

export async function deriveCcoId(db: DbOrTx, email: string): Promise<string> {
  const base = ccoIdBase(email);
  const taken = new Set(
    (await db.select({ id: users.ccoId }).from(users).where(like(users.ccoId, `${base}%`))).map((r) => r.id),
  );
  if (base.length >= 3 && !taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
