import type { Tx } from "@/db/client";
import { type AccessContext, assertCan, requireSmartAccount, requireVirtualAccount } from "@/lib/access/context";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import type { LicenseRow } from "@/lib/licensing/licenses";
import { listLicenseRows } from "@/lib/licensing/licenses";
import { effectivePolicyForVirtualAccount, type EffectivePolicy, policyData } from "@/lib/policy/document";
import { signData, signedElementXml } from "@/lib/signing/document";

type SynchInput = {
  smartAccount: { name: string; domain: string; accountId: string };
  virtualAccount: { name: string; vaNumericId: string };
  policy: EffectivePolicy;
  licenses: Pick<LicenseRow, "entitlementTag" | "name" | "purchased" | "inUse" | "balance">[];
  issuedAt: Date;
};

/** F-13 `data` JSON: the VA's policy (F-5 data) and license summary. */
export function synchFileData(input: SynchInput) {
  return {
    version: "1.0",
    type: "synch",
    smart_account: { name: input.smartAccount.name, domain: input.smartAccount.domain, account_id: input.smartAccount.accountId },
    virtual_account: { name: input.virtualAccount.name, virtual_account_id: input.virtualAccount.vaNumericId },
    policy: policyData(input.policy, input.issuedAt),
    licenses: input.licenses.map((l) => ({
      entitlement_tag: l.entitlementTag,
      display_name: l.name,
      purchased: l.purchased,
      in_use: l.inUse,
      balance: l.balance,
    })),
    issued_at: input.issuedAt.getTime(),
  };
}

/** F-13 file name: `SynchFile_{VA}_{yyyymmdd}.xml` (UTC date). */
export function synchFileName(virtualAccountName: string, at: Date): string {
  return `SynchFile_${virtualAccountName}_${at.toISOString().slice(0, 10).replaceAll("-", "")}.xml`;
}

/** W-58: the signed F-13 file of a VA, and E-31 (`Synch file`) in the same transaction. */
export async function downloadSynchFile(tx: Tx, ctx: AccessContext, actor: Actor, vaId: string) {
  const va = await requireVirtualAccount(tx, ctx, vaId);
  assertCan(ctx, "reports.run", { saId: va.smartAccountId, vaId: va.id });
  const sa = await requireSmartAccount(tx, ctx, va.smartAccountId);
  const issuedAt = now();
  const data = synchFileData({
    smartAccount: sa,
    virtualAccount: va,
    policy: await effectivePolicyForVirtualAccount(tx, va.id),
    licenses: await listLicenseRows(tx, ctx, va.id),
    issuedAt,
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>${signedElementXml("smartLicenseSync", await signData(tx, data))}</smartLicense>\n`;
  await recordEvent(tx, { type: "E-31", params: { what: "Synch file", va: va.name }, actor, smartAccountId: sa.id, virtualAccountId: va.id });
  return { fileName: synchFileName(va.name, issuedAt), xml };
}
