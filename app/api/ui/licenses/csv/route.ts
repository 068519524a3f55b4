import { z } from "zod";
import { requireSmartAccount, requireVirtualAccount } from "@/lib/access/context";
import { now } from "@/lib/clock";
import { formatBalance } from "@/lib/format";
import { csvResponse, exportFileName, toCsv } from "@/lib/formats/csv";
import { uiRoute } from "@/lib/http/route";
import { listLicenseRows } from "@/lib/licensing/licenses";

/** S-9 `Export to CSV` (F-17): the rows of the VA, or only the ticked licenses when `license` is given. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const vaId = z.string().uuid().parse(url.searchParams.get("va"));
  const only = new Set(url.searchParams.getAll("license"));
  const va = await requireVirtualAccount(db, ctx, vaId);
  const sa = await requireSmartAccount(db, ctx, va.smartAccountId);
  const rows = (await listLicenseRows(db, ctx, va.id)).filter((r) => only.size === 0 || only.has(r.licenseDefinitionId));
  const body = toCsv(
    ["License", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Alerts"],
    rows.map((r) => [
      r.name,
      r.billing,
      r.pending > 0 ? `${r.purchased} (+ ${r.pending} pending)` : r.purchased,
      r.inUse,
      r.substitution === 0 ? "-" : formatBalance(r.substitution),
      formatBalance(r.balance),
      [...r.alerts, ...(r.upgradePending ? ["Upgrade Pending"] : [])].join("; "),
    ]),
  );
  return csvResponse(body, exportFileName("Licenses", sa.name, now()));
});
