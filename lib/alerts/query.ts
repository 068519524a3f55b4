import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { escapeLike, pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { alerts, virtualAccounts } from "@/db/schema";
import { type AccessContext, can, requireSmartAccount, seesWholeAccount, visibleVirtualAccounts } from "@/lib/access/context";
import { formatDate } from "@/lib/format";
import { ALERT_LABELS, type AlertSeverity, type AlertType, IMMEDIATE_TYPES, LICENSE_TYPES, PI_TYPES, SEVERITY_LABELS } from "./types";

const SEVERITIES = ["MAJOR", "MINOR", "INFORMATIONAL"] as const;

/** S-5 filters: severity toggles, VA, message search, `Show dismissed alerts`, page. */
export const alertFilterSchema = z.object({
  sa: z.string().uuid(),
  va: z.string().uuid().optional(),
  sev: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? [...SEVERITIES] : s.split(",").filter((x): x is AlertSeverity => (SEVERITIES as readonly string[]).includes(x)))),
  q: z.string().trim().max(200).optional(),
  dismissed: z.enum(["0", "1"]).optional(),
  ...pagingFields,
});
export type AlertFilter = z.infer<typeof alertFilterSchema>;

export type AlertRow = {
  id: string;
  type: AlertType;
  label: string;
  severity: AlertSeverity;
  severityLabel: string;
  message: string;
  messageHref: string | null;
  source: { name: string; href: string | null };
  actionDue: string;
  dismissed: boolean;
  canDismiss: boolean;
  remedy: { label: string; href: string } | null;
};

const NO_VA = "00000000-0000-0000-0000-000000000000";

/** The alerts of an SA the caller may see: the visible VAs' alerts, plus SA-level ones for SA-wide roles. */
async function visibleScope(db: DbOrTx, ctx: AccessContext, saId: string) {
  const sa = await requireSmartAccount(db, ctx, saId);
  const vas = await visibleVirtualAccounts(db, ctx, sa.id);
  const whole = seesWholeAccount(ctx, sa.id);
  const vaIds = vas.map((v) => v.id);
  const where = and(
    eq(alerts.smartAccountId, sa.id),
    isNull(alerts.clearedAt),
    whole ? or(isNull(alerts.virtualAccountId), inArray(alerts.virtualAccountId, vaIds.length ? vaIds : [NO_VA])) : inArray(alerts.virtualAccountId, vaIds.length ? vaIds : [NO_VA]),
  )!;
  return { sa, vas, where };
}

/** S-5 summary: open, undismissed Major and Minor alerts of the whole SA (as far as the caller sees it). */
export async function alertSummary(db: DbOrTx, ctx: AccessContext, saId: string): Promise<{ major: number; minor: number }> {
  const { where } = await visibleScope(db, ctx, saId);
  const [r] = await db
    .select({
      major: sql<number>`count(*) filter (where ${alerts.severity} = 'MAJOR')`.mapWith(Number),
      minor: sql<number>`count(*) filter (where ${alerts.severity} = 'MINOR')`.mapWith(Number),
    })
    .from(alerts)
    .where(and(where, isNull(alerts.dismissedAt)));
  return { major: r?.major ?? 0, minor: r?.minor ?? 0 };
}

function remedyOf(a: { type: AlertType; virtualAccountId: string | null; productInstanceId: string | null; licenseDefinitionId: string | null }) {
  if (a.type === "INSUFFICIENT_LICENSES") {
    return { label: "Transfer Licenses...", href: `/inventory/licenses?va=${a.virtualAccountId}&license=${a.licenseDefinitionId}` };
  }
  if (a.productInstanceId) return { label: "View Product Instance", href: `/inventory/product-instances/${a.productInstanceId}` };
  if (a.virtualAccountId) return { label: "View Licenses", href: `/inventory/licenses?va=${a.virtualAccountId}` };
  return { label: "View On-Prem Accounts", href: "/on-prem-accounts" };
}

function messageHrefOf(a: { type: AlertType; virtualAccountId: string | null; productInstanceId: string | null; licenseDefinitionId: string | null }) {
  if (PI_TYPES.has(a.type) && a.productInstanceId) return `/inventory/product-instances/${a.productInstanceId}`;
  if ((LICENSE_TYPES.has(a.type) || a.type === "NEW_LICENSES") && a.virtualAccountId && a.licenseDefinitionId) {
    return `/inventory/licenses?va=${a.virtualAccountId}&license=${a.licenseDefinitionId}`;
  }
  if (!a.virtualAccountId) return "/on-prem-accounts";
  return null;
}

/** `Action Due`: `Immediately` for shortages and pending authorizations, the date, or `-`. */
export function actionDueText(a: { type: AlertType; actionDueAt: Date | null }, timeZone = "UTC"): string {
  if (IMMEDIATE_TYPES.has(a.type)) return "Immediately";
  if (!a.actionDueAt) return "-";
  // Expiry dates are calendar dates (D-6 `end_date`), not instants.
  return formatDate(a.actionDueAt, a.type === "LICENSES_EXPIRING" ? "UTC" : timeZone);
}

/** S-5 list: filtered, sorted by severity (Major first) then Action Due (Immediately first, `-` last), paginated. */
export async function queryAlerts(db: DbOrTx, ctx: AccessContext, f: AlertFilter, timeZone = "UTC") {
  const { sa, vas, where } = await visibleScope(db, ctx, f.sa);
  const parts: SQL[] = [where];
  if (f.dismissed !== "1") parts.push(isNull(alerts.dismissedAt));
  parts.push(inArray(alerts.severity, f.sev.length ? f.sev : ["MAJOR"]));
  if (f.sev.length === 0) parts.push(sql`false`);
  if (f.va) parts.push(eq(alerts.virtualAccountId, f.va));
  if (f.q) {
    const q = `%${escapeLike(f.q)}%`;
    const labelled = (Object.entries(ALERT_LABELS) as [AlertType, string][]).filter(([, l]) => l.toLowerCase().includes(f.q!.toLowerCase())).map(([t]) => t);
    parts.push(labelled.length ? or(ilike(alerts.message, q), inArray(alerts.type, labelled))! : ilike(alerts.message, q));
  }
  const filter = and(...parts);
  const [{ total }] = await db.select({ total: count() }).from(alerts).where(filter);
  const immediate = [...IMMEDIATE_TYPES].map((t) => `'${t}'`).join(",");
  const rows = await db
    .select({ alert: alerts, vaName: virtualAccounts.name })
    .from(alerts)
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, alerts.virtualAccountId))
    .where(filter)
    .orderBy(
      sql`case ${alerts.severity} when 'MAJOR' then 0 when 'MINOR' then 1 else 2 end`,
      sql`case when ${alerts.type}::text in (${sql.raw(immediate)}) then 0 when ${alerts.actionDueAt} is null then 2 else 1 end`,
      asc(alerts.actionDueAt),
      asc(alerts.raisedAt),
      asc(alerts.id),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const out: AlertRow[] = rows.map(({ alert: a, vaName }) => ({
    id: a.id,
    type: a.type,
    label: ALERT_LABELS[a.type],
    severity: a.severity,
    severityLabel: SEVERITY_LABELS[a.severity],
    message: a.message,
    messageHref: messageHrefOf(a),
    source: a.virtualAccountId ? { name: vaName ?? "-", href: `/inventory/general?va=${a.virtualAccountId}` } : { name: sa.name, href: null },
    actionDue: actionDueText(a, timeZone),
    dismissed: Boolean(a.dismissedAt),
    canDismiss: a.severity !== "MAJOR" && !a.dismissedAt && can(ctx, "alert.dismiss", { saId: a.smartAccountId, vaId: a.virtualAccountId }),
    remedy: remedyOf(a),
  }));
  return { rows: out, total, pageCount: Math.max(1, Math.ceil(total / f.pageSize)), vas };
}
