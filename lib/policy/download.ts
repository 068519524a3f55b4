import type { DbOrTx, Tx } from "@/db/client";
import { type AccessContext, assertCan, requireSmartAccount, requireVirtualAccount } from "@/lib/access/context";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { effectivePolicyForVirtualAccount, type EffectivePolicy, policyFileName, policyFileXml } from "./document";

/** S-27: the effective policy (P-4) of a VA the caller can see. */
export async function reportingPolicyOf(db: DbOrTx, ctx: AccessContext, vaId: string): Promise<EffectivePolicy> {
  const va = await requireVirtualAccount(db, ctx, vaId);
  assertCan(ctx, "reports.run", { saId: va.smartAccountId, vaId: va.id });
  return effectivePolicyForVirtualAccount(db, va.id);
}

/** W-11: the signed F-5 file of the VA's effective policy, and E-31 in the same transaction. */
export async function downloadReportingPolicy(tx: Tx, ctx: AccessContext, actor: Actor, vaId: string) {
  const va = await requireVirtualAccount(tx, ctx, vaId);
  assertCan(ctx, "reports.run", { saId: va.smartAccountId, vaId: va.id });
  const sa = await requireSmartAccount(tx, ctx, va.smartAccountId);
  const xml = await policyFileXml(tx, await effectivePolicyForVirtualAccount(tx, va.id), now());
  await recordEvent(tx, {
    type: "E-31",
    params: { what: "Reporting policy", va: va.name },
    actor,
    smartAccountId: sa.id,
    virtualAccountId: va.id,
  });
  return { fileName: policyFileName(sa.name, va.name), xml };
}
