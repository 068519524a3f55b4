import { z } from "zod";
import { REPORT_FORMATS, REPORT_KEYS } from "./definitions";

export const SELECT_A_VIRTUAL_ACCOUNT = "Select at least one virtual account.";

/** S-25 `Run Report`: no VA ids means `All Virtual Accounts`. */
export const runReportSchema = z
  .object({
    report: z.enum(REPORT_KEYS),
    smartAccountId: z.string().uuid(),
    allVirtualAccounts: z.boolean(),
    virtualAccountIds: z.array(z.string().uuid()).max(1000).default([]),
    format: z.enum(REPORT_FORMATS).default("csv"),
  })
  .refine((r) => r.allVirtualAccounts || r.virtualAccountIds.length > 0, { message: SELECT_A_VIRTUAL_ACCOUNT, path: ["virtualAccountIds"] });
export type RunReportInput = z.infer<typeof runReportSchema>;

/** The query string of the report route: `?sa=…&va=…&va=…&format=csv` (no `va` = all). */
export function runReportQuery(input: Omit<RunReportInput, "report">): string {
  const q = new URLSearchParams({ sa: input.smartAccountId, format: input.format });
  if (!input.allVirtualAccounts) for (const id of input.virtualAccountIds) q.append("va", id);
  return q.toString();
}

export function runReportFromQuery(report: string, url: URL): RunReportInput {
  const vas = url.searchParams.getAll("va");
  return runReportSchema.parse({
    report,
    smartAccountId: url.searchParams.get("sa") ?? "",
    allVirtualAccounts: vas.length === 0,
    virtualAccountIds: vas,
    format: url.searchParams.get("format") ?? "csv",
  });
}
