import { z } from "zod";
import type { PolicyCategory } from "./next-report-due";

export const POLICY_VALUE_KEYS = [
  "expFirst", "expFreq", "expChange",
  "enfFirst", "enfFreq", "enfChange",
  "unpFirst", "unpFreq", "unpChange",
  "unsFirst", "unsFreq", "unsChange",
] as const;
export type PolicyValueKey = (typeof POLICY_VALUE_KEYS)[number];

/** The three values of a P-1 category, with the labels S-27 and S-34 show. */
export const VALUE_FIELDS = [
  { suffix: "First", label: "First report requirement (days)" },
  { suffix: "Freq", label: "Reporting frequency (days)" },
  { suffix: "Change", label: "Report on change (days)" },
] as const;
export const valueKey = (category: PolicyCategory, suffix: (typeof VALUE_FIELDS)[number]["suffix"]) => `${category}${suffix}` as PolicyValueKey;

export const MAX_POLICY_DAYS = 3650;
export const DAYS_MESSAGE = `Enter a whole number of days from 0 to ${MAX_POLICY_DAYS}, or leave it empty to inherit the Cisco default.`;

/** One of the twelve values: empty means null, which inherits from `Cisco default` (D-13). */
const dayValue = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v.trim() === "" ? NaN : v.trim()) : v),
  z.number({ error: DAYS_MESSAGE }).int(DAYS_MESSAGE).min(0, DAYS_MESSAGE).max(MAX_POLICY_DAYS, DAYS_MESSAGE).nullable(),
);

const values = Object.fromEntries(POLICY_VALUE_KEYS.map((k) => [k, dayValue])) as Record<PolicyValueKey, typeof dayValue>;

// S-34 Policies: a custom policy's name, ACK requirement and twelve values.
export const policyFormSchema = z.object({
  name: z.string().trim().min(1, "Policy name is required.").max(100, "Policy name must be 100 characters or fewer."),
  ackRequired: z.boolean(),
  ...values,
});
export type PolicyFormInput = z.infer<typeof policyFormSchema>;

export const editPolicySchema = policyFormSchema.extend({ policyId: z.string().uuid() });
export type EditPolicyInput = z.infer<typeof editPolicySchema>;

export const publishPolicySchema = z.object({
  policyId: z.string().uuid(),
  smartAccountIds: z.array(z.string().uuid()).min(1, "Choose at least one Smart Account."),
});
export type PublishPolicyInput = z.infer<typeof publishPolicySchema>;

/** `Assign...`: to the Smart Account itself (no VA), or to one of its VAs. */
export const assignPolicySchema = z.object({
  policyId: z.string().uuid(),
  smartAccountId: z.string().uuid("Choose a Smart Account."),
  virtualAccountId: z.string().uuid().nullable().default(null),
});
export type AssignPolicyInput = z.infer<typeof assignPolicySchema>;
