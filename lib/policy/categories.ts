import type { PolicyCategory } from "./next-report-due";

/** P-1 category keys, in the order S-27 and S-34 show them. */
export const POLICY_CATEGORIES: PolicyCategory[] = ["exp", "enf", "unp", "uns"];

/** P-1 labels. */
export const CATEGORY_LABELS: Record<PolicyCategory, string> = {
  exp: "Export (Perpetual/Subscription)",
  enf: "Enforced (Perpetual/Subscription)",
  unp: "Unenforced/Non-Export Perpetual",
  uns: "Unenforced/Non-Export Subscription",
};
