import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies, type Policy, smartAccounts, virtualAccounts } from "@/db/schema";
import { NotFoundError } from "@/lib/access/errors";
import { signData, type SignedData, signedElementXml } from "@/lib/signing/document";
import { CATEGORY_LABELS, POLICY_CATEGORIES } from "./categories";
import { type PolicyCategory, UTILITY_ACK_DAYS } from "./next-report-due";

/** P-3: a value set by the policy, or inherited from `Cisco default`. */
export type ValueSource = "CISCO default" | "Customer Policy";
export type SourcedValue = { value: number; source: ValueSource };
export type CategoryValues = { first: SourcedValue; frequency: SourcedValue; on_change: SourcedValue };

/** P-4: the policy in force, every value resolved with where it came from. */
export type EffectivePolicy = {
  id: string;
  name: string;
  version: number;
  isCiscoDefault: boolean;
  ackRequired: { value: boolean; source: ValueSource };
  categories: Record<PolicyCategory, CategoryValues>;
};

export { CATEGORY_LABELS, POLICY_CATEGORIES };

/** Null values are filled from `Cisco default` and tagged `(CISCO default)` (P-3, P-4). */
export function resolvePolicy(policy: Policy, ciscoDefault: Policy): EffectivePolicy {
  const sourced = (key: keyof Policy): SourcedValue => {
    const own = policy.isCiscoDefault ? null : (policy[key] as number | null);
    return own === null || own === undefined
      ? { value: Number(ciscoDefault[key] ?? 0), source: "CISCO default" }
      : { value: own, source: "Customer Policy" };
  };
  const categories = Object.fromEntries(
    POLICY_CATEGORIES.map((c) => [
      c,
      { first: sourced(`${c}First` as keyof Policy), frequency: sourced(`${c}Freq` as keyof Policy), on_change: sourced(`${c}Change` as keyof Policy) },
    ]),
  ) as Record<PolicyCategory, CategoryValues>;
  const ownAck = policy.isCiscoDefault ? null : policy.ackRequired;
  return {
    id: policy.id,
    name: policy.name,
    version: policy.version,
    isCiscoDefault: policy.isCiscoDefault,
    ackRequired: ownAck === null ? { value: ciscoDefault.ackRequired ?? true, source: "CISCO default" } : { value: ownAck, source: "Customer Policy" },
    categories,
  };
}

async function ciscoDefaultPolicy(db: DbOrTx): Promise<Policy> {
  const [row] = await db.select().from(policies).where(eq(policies.isCiscoDefault, true));
  if (!row) throw new Error("The Cisco default policy is missing from the reference data.");
  return row;
}

/** P-4 for one VA: the VA's policy, else its Smart Account's, else `Cisco default`. */
export async function effectivePolicyForVirtualAccount(db: DbOrTx, virtualAccountId: string): Promise<EffectivePolicy> {
  const [va] = await db
    .select({ vaPolicy: virtualAccounts.policyId, saPolicy: smartAccounts.policyId })
    .from(virtualAccounts)
    .innerJoin(smartAccounts, eq(smartAccounts.id, virtualAccounts.smartAccountId))
    .where(eq(virtualAccounts.id, virtualAccountId));
  if (!va) throw new NotFoundError();
  const ciscoDefault = await ciscoDefaultPolicy(db);
  const id = va.vaPolicy ?? va.saPolicy;
  const [own] = id ? await db.select().from(policies).where(eq(policies.id, id)) : [];
  return resolvePolicy(own ?? ciscoDefault, ciscoDefault);
}

/** F-5 `data` JSON. */
export function policyData(policy: EffectivePolicy, issuedAt: Date) {
  const value = (v: SourcedValue) => ({ value: v.value, source: v.source });
  return {
    version: "1.0",
    type: "policy",
    policy_id: policy.id,
    name: policy.name,
    policy_version: policy.version,
    ack_required: { value: policy.ackRequired.value, source: policy.ackRequired.source },
    categories: Object.fromEntries(
      POLICY_CATEGORIES.map((c) => {
        const cat = policy.categories[c];
        return [c, { first: value(cat.first), frequency: value(cat.frequency), on_change: value(cat.on_change) }];
      }),
    ),
    utility_ack_days: UTILITY_ACK_DAYS,
    issued_at: issuedAt.getTime(),
  };
}

/** The signed `<smartLicensePolicy>` element, as F-5 files and F-3 ACKs embed it. */
export async function signedPolicyElement(db: DbOrTx, policy: EffectivePolicy, issuedAt: Date): Promise<{ xml: string; signed: SignedData }> {
  const signed = await signData(db, policyData(policy, issuedAt));
  return { xml: signedElementXml("smartLicensePolicy", signed), signed };
}

/** F-5 file text: `<smartLicense><smartLicensePolicy>…</smartLicensePolicy></smartLicense>`. */
export async function policyFileXml(db: DbOrTx, policy: EffectivePolicy, issuedAt: Date): Promise<string> {
  const { xml } = await signedPolicyElement(db, policy, issuedAt);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>${xml}</smartLicense>\n`;
}

/** F-5 file name: `ReportingPolicy_{SA}_{VA}.xml`. */
export function policyFileName(smartAccountName: string, virtualAccountName: string): string {
  return `ReportingPolicy_${smartAccountName}_${virtualAccountName}.xml`;
}
