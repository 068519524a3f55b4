import type { ReactNode } from "react";
import { getDb } from "@/db";
import { type AccessContext, visibleVirtualAccounts } from "@/lib/access/context";
import { reportingPolicyOf } from "@/lib/policy/download";
import { ReportList } from "./report-list";
import { ReportingPolicyView } from "./reporting-policy";
import { SynchFileView } from "./synch-file";

/** The body of the Report, Reporting Policy and Synch File tabs (S-25, S-27, S-28); null for other tabs. */
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
