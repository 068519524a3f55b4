import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies, type Policy } from "@/db/schema";
import { addDays } from "@/lib/clock";

/** P-1 category keys. */
export type PolicyCategory = "exp" | "enf" | "unp" | "uns";
export type CategoryRule = { first: number; freq: number; change: number };
export type PolicyRules = Record<PolicyCategory, CategoryRule>;

export const UTILITY_ACK_DAYS = 30;

/** P-5: the category of a license from its enforcement and duration. */
export function categoryOf(enforcement: string, duration: string): PolicyCategory {
  if (enforcement === "EXPORT_CONTROLLED") return "exp";
  if (enforcement === "ENFORCED") return "enf";
  return duration === "SUBSCRIPTION" ? "uns" : "unp";
}

/** P-4: a policy's twelve values, nulls filled from `Cisco default`. */
export function policyRules(policy: Policy | undefined, ciscoDefault: Policy): PolicyRules {
  const pick = (k: keyof Policy) => Number((policy?.[k] as number | null | undefined) ?? ciscoDefault[k] ?? 0);
  const rule = (c: PolicyCategory): CategoryRule => ({
    first: pick(`${c}First` as keyof Policy),
    freq: pick(`${c}Freq` as keyof Policy),
    change: pick(`${c}Change` as keyof Policy),
  });
  return { exp: rule("exp"), enf: rule("enf"), unp: rule("unp"), uns: rule("uns") };
}

export type DueInput = {
  firstConsumedAt: Date | null;
  lastAckAt: Date | null;
  utilityMode: boolean;
  /** P-5 categories of the licenses with a current count > 0. */
  categories: Iterable<PolicyCategory>;
};

/**
 * P-7 with the P-6 exemption and the P-10 utility override: the earliest candidate date over the
 * categories in use, or null when none sets a date (or the instance never consumed a license).
 */
export function nextReportDue(pi: DueInput, rules: PolicyRules): Date | null {
  if (!pi.firstConsumedAt) return null;
  const candidates: Date[] = [];
  for (const c of new Set(pi.categories)) {
    const { first, freq } = rules[c];
    if (!pi.lastAckAt && first > 0) candidates.push(addDays(pi.firstConsumedAt, first));
    else if (freq > 0) candidates.push(addDays(pi.lastAckAt ?? pi.firstConsumedAt, freq));
  }
  if (pi.utilityMode) candidates.push(addDays(pi.lastAckAt ?? pi.firstConsumedAt, UTILITY_ACK_DAYS));
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** Loads the effective rules (P-4) for each VA: the VA's policy, else the SA's, else `Cisco default`. */
export async function rulesForVirtualAccounts(
  db: DbOrTx,
  sa: { policyId: string | null },
  vas: { id: string; policyId: string | null }[],
): Promise<Map<string, PolicyRules>> {
  const [ciscoDefault] = await db.select().from(policies).where(eq(policies.isCiscoDefault, true));
  const ids = [...new Set([sa.policyId, ...vas.map((v) => v.policyId)].filter((id): id is string => Boolean(id)))];
  const rows = ids.length ? await db.select().from(policies).where(inArray(policies.id, ids)) : [];
  const byId = new Map(rows.map((p) => [p.id, p]));
  const out = new Map<string, PolicyRules>();
  for (const va of vas) {
    const id = va.policyId ?? sa.policyId;
    out.set(va.id, policyRules(id ? byId.get(id) : undefined, ciscoDefault));
  }
  return out;
}
