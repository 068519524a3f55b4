import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies } from "@/db/schema";

/** P-4: the VA's policy, else the SA's, else `Cisco default`. */
export async function effectivePolicyName(
  db: DbOrTx,
  va: { policyId: string | null },
  sa: { policyId: string | null },
): Promise<string> {
  const id = va.policyId ?? sa.policyId;
  if (id) {
    const [p] = await db.select({ name: policies.name }).from(policies).where(eq(policies.id, id));
    if (p) return p.name;
  }
  return "Cisco default";
}
