import type { ReactNode } from "react";
import { getDb } from "@/db";
import { type AccessContext, visibleVirtualAccounts } from "@/lib/access/context";
import { reportingPolicyOf } from "@/lib/policy/download";
import { ReportList } from "./report-list";
import { ReportingPolicyView } from "./reporting-policy";
import { SynchFileView } from "./synch-file";
import { UsageDataFilesTab } from "@/components/usage/usage-data-files-tab";

/** The body of the Reports sub-tabs (S-25, S-26, S-27, S-28); null for an unknown tab. */
export async function renderReportsTab({
  tab,
  ctx,
  smartAccountId,
  vaId,
}: {
  tab: string;
  ctx: AccessContext;
  smartAccountId: string;
  vaId?: string;
}): Promise<ReactNode | null> {
  if (tab === "usage-data-files") return <UsageDataFilesTab smartAccountId={smartAccountId} />;
  if (!["report", "reporting-policy", "synch-file"].includes(tab)) return null;
  const db = await getDb();
  const vas = (await visibleVirtualAccounts(db, ctx, smartAccountId)).map((v) => ({ id: v.id, name: v.name, isDefault: v.isDefault }));
  if (tab === "report") {
    return <ReportList smartAccountId={smartAccountId} vas={[...vas].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }))} />;
  }
  const va = vas.find((v) => v.id === vaId) ?? vas.find((v) => v.isDefault) ?? vas[0];
  if (!va) return <p className="text-slate-600">You have no virtual account in this Smart Account.</p>;
  if (tab === "synch-file") return <SynchFileView vas={vas} va={va} />;
  return <ReportingPolicyView vas={vas} va={va} policy={await reportingPolicyOf(db, ctx, va.id)} />;
}
