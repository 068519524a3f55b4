import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

// Checking scrypt hashes on every page would be slow, so the answer is kept for a minute.
let cached: { at: number; value: boolean } | null = null;

/** DD-2: the `Demo data` badge shows while any demo user still has the demo password. */
export async function demoDataBadge(): Promise<boolean> {
  if (cached && Date.now() - cached.at < 60_000) return cached.value;
  const db = await getDb();
  const rows = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
  let value = false;
  for (const row of rows) {
    if (await verifyPassword(DEMO_PASSWORD, row.hash)) {
      value = true;
      break;
    }
  }
  cached = { at: Date.now(), value };
  return value;
}

export function forgetDemoBadge(): void {
  cached = null;
}

