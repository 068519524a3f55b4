import type { DbOrTx } from "@/db/client";
import { type AccessContext, assertCan, requireSmartAccount, visibleVirtualAccounts } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { exportFileName } from "@/lib/formats/csv";
import { REPORTS } from "./definitions";
import { reportRows } from "./rows";
import type { RunReportInput } from "./schemas";

/**
 * W-55: checks the caller may run reports on every VA picked (only VAs they can see; `All Virtual
 * Accounts` means those), then returns the F-17 file name, header and a lazy row source. No event.
 */
export async function prepareReport(db: DbOrTx, ctx: AccessContext, input: RunReportInput) {
  const sa = await requireSmartAccount(db, ctx, input.smartAccountId);
  const visible = (await visibleVirtualAccounts(db, ctx, sa.id)).sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  const wanted = new Set(input.virtualAccountIds);
  const vas = input.allVirtualAccounts ? visible : visible.filter((va) => wanted.has(va.id));
  if (!input.allVirtualAccounts && vas.length !== wanted.size) throw new NotFoundError();
  if (input.allVirtualAccounts) assertCan(ctx, "reports.run", { saId: sa.id });
  for (const va of vas) assertCan(ctx, "reports.run", { saId: sa.id, vaId: va.id });
  const def = REPORTS[input.report];
  return {
    fileName: exportFileName(def.screen, sa.name, now(), input.format),
    sheetName: def.name,
    header: [...def.header],
    rows: reportRows(db, ctx, input.report, vas.map((va) => ({ id: va.id, name: va.name }))),
  };
}
