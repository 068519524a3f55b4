import type { WritableVirtualAccount } from "@/lib/traditional/access";
import type { EvaluationFeature } from "./demo-license-dialog";

/** What every Traditional tab gets from the server page. */
export type TraditionalOptions = {
  userEmail: string;
  evaluationFeatures: EvaluationFeature[];
  /** W-48 targets and S-54 `Add Device` VAs: the VAs the user can write. */
  targets: WritableVirtualAccount[];
  productFamilies: string[];
  /** The Smart Account the header shows (S-51), if any. */
  smartAccountId?: string;
};
