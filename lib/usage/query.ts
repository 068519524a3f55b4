import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { licenseDefinitions, rumReports, usageDataFiles, usageFileMembers, virtualAccounts } from "@/db/schema";
import { type AccessContext, can, requireSmartAccount, seesWholeAccount } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { escapeLike } from "@/lib/lists/paging";
import { producedFor } from "./messages";
import type { UsageFileListFilter } from "./schemas";
import { writableVirtualAccounts } from "./upload";

export type UsageFileStatus = (typeof usageDataFiles.$inferSelect)["status"];

/** The VAs of an SA whose files a VA-scoped user sees (D-3): the ones they hold a role on. */
function ownVaIds(ctx: AccessContext, saId: string): string[] {
  return [...ctx.vaRoles.entries()].filter(([, r]) => r.saId === saId).map(([id]) => id);
}

/** D-3 visibility: everyone with an SA role; a VA-scoped user for files of their VAs, or their own uploads. */
function visibleCondition(ctx: AccessContext, saId: string): SQL | undefined {
  if (seesWholeAccount(ctx, saId)) return undefined;
  const mine = ownVaIds(ctx, saId);
  const inMine = mine.length
    ? sql`exists (select 1 from ${usageFileMembers} where ${usageFileMembers.fileId} = ${usageDataFiles.id} and ${inArray(usageFileMembers.assignedVaId, mine)})`
    : sql`false`;
  return or(eq(usageDataFiles.uploadedBy, ctx.user.id), inMine);
}

/** Per file: the distinct VAs its members went to (one row per file, however many members). */
async function memberVas(db: DbOrTx, fileIds: string[]) {
  const out = new Map<string, { vaIds: (string | null)[]; vaNames: string[] }>();
  if (fileIds.length === 0) return out;
  const rows = await db
    .select({
      fileId: usageFileMembers.fileId,
      vaIds: sql<(string | null)[]>`array_agg(distinct ${usageFileMembers.assignedVaId})`,
      vaNames: sql<(string | null)[]>`array_agg(distinct ${virtualAccounts.name})`,
    })
    .from(usageFileMembers)
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, usageFileMembers.assignedVaId))
    .where(inArray(usageFileMembers.fileId, fileIds))
    .groupBy(usageFileMembers.fileId);
  for (const r of rows) {
    out.set(r.fileId, {
      vaIds: parseArray(r.vaIds),
      vaNames: parseArray(r.vaNames).filter((n): n is string => Boolean(n)).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })),
    });
  }
  return out;
}

/** `array_agg` comes back as an array from postgres.js and PGlite; a text literal is parsed just in case. */
function parseArray(value: unknown): (string | null)[] {
  if (Array.isArray(value)) return value as (string | null)[];
  if (typeof value !== "string") return [];
  const inner = value.replace(/^\{|\}$/g, "");
  if (!inner) return [];
  return inner.split(",").map((v) => (v === "NULL" ? null : v.replace(/^"|"$/g, "")));
}

/** `usage.upload` on every VA the file's members went to (download, D-3). */
function canDownloadFile(ctx: AccessContext, saId: string, vaIds: (string | null)[]): boolean {
  const assigned = vaIds.filter((id): id is string => Boolean(id));
  return assigned.length > 0 && assigned.every((vaId) => can(ctx, "usage.upload", { saId, vaId }));
}

export type UsageFileListRow = {
  id: string;
  fileName: string;
  reportedAt: Date;
  virtualAccounts: string[];
  status: UsageFileStatus;
  deviceCount: number;
  hasAck: boolean;
  canDownload: boolean;
};

/** S-26 table: the SA's usage files the user may see, newest first, one page. */
export async function listUsageFiles(db: DbOrTx, ctx: AccessContext, f: UsageFileListFilter) {
  const sa = await requireSmartAccount(db, ctx, f.sa);
  const conditions: (SQL | undefined)[] = [eq(usageDataFiles.smartAccountId, sa.id), visibleCondition(ctx, sa.id)];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conditions.push(
      or(
        ilike(usageDataFiles.fileName, pattern),
        sql`exists (select 1 from ${usageFileMembers} join ${virtualAccounts} on ${virtualAccounts.id} = ${usageFileMembers.assignedVaId} where ${usageFileMembers.fileId} = ${usageDataFiles.id} and ${ilike(virtualAccounts.name, pattern)})`,
      ),
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(usageDataFiles).where(where);
  const pageCount = Math.max(1, Math.ceil(total / f.pageSize));
  const page = Math.min(f.page, pageCount);
  const files = await db
    .select({
      id: usageDataFiles.id,
      fileName: usageDataFiles.fileName,
      reportedAt: usageDataFiles.reportedAt,
      status: usageDataFiles.status,
      deviceCount: usageDataFiles.deviceCount,
      hasAck: sql<boolean>`${usageDataFiles.ackBlob} is not null`,
    })
    .from(usageDataFiles)
    .where(where)
    .orderBy(desc(usageDataFiles.reportedAt), desc(usageDataFiles.createdAt), desc(usageDataFiles.id))
    .limit(f.pageSize)
    .offset((page - 1) * f.pageSize);
  const vas = await memberVas(db, files.map((r) => r.id));
  const rows: UsageFileListRow[] = files.map((r) => {
    const members = vas.get(r.id);
    return { ...r, virtualAccounts: members?.vaNames ?? [], canDownload: canDownloadFile(ctx, sa.id, members?.vaIds ?? []) };
  });
  const { writable } = await writableVirtualAccounts(db, ctx, sa.id);
  return { rows, total, page, pageSize: f.pageSize, pageCount, canUpload: writable.length > 0 };
}

/** A file the user may see (D-3), or not found (another SA's file, or one outside their VAs). */
export async function requireUsageFile(db: DbOrTx, ctx: AccessContext, fileId: string) {
  const [file] = await db
    .select({
      id: usageDataFiles.id,
      smartAccountId: usageDataFiles.smartAccountId,
      virtualAccountId: usageDataFiles.virtualAccountId,
      fileName: usageDataFiles.fileName,
      container: usageDataFiles.container,
      reportedAt: usageDataFiles.reportedAt,
      status: usageDataFiles.status,
      uploadedBy: usageDataFiles.uploadedBy,
      errorSummary: usageDataFiles.errorSummary,
      ackFileName: usageDataFiles.ackFileName,
    })
    .from(usageDataFiles)
    .where(eq(usageDataFiles.id, fileId));
  if (!file) throw new NotFoundError();
  const sa = await requireSmartAccount(db, ctx, file.smartAccountId);
  const members = await db.select().from(usageFileMembers).where(eq(usageFileMembers.fileId, file.id)).orderBy(usageFileMembers.memberName);
  if (!seesWholeAccount(ctx, file.smartAccountId)) {
    const mine = new Set(ownVaIds(ctx, file.smartAccountId));
    const visible = file.uploadedBy === ctx.user.id || members.some((m) => m.assignedVaId && mine.has(m.assignedVaId));
    if (!visible) throw new NotFoundError();
  }
  return { file, members, sa };
}

const REPORT_ROWS_SHOWN = 1000;
const MEMBER_ROWS_SHOWN = 1000;
/** F-15 CSSM list form. */
const cssmUdi = (pid: string, sn: string) => `UDI_PID:${pid}; UDI_SN:${sn};`;
const STATUS_ORDER = sql`case ${rumReports.status} when 'ERROR' then 0 when 'DROPPED' then 1 else 2 end`;

type Summary = {
  warnings?: string[];
  message?: string;
  problems?: { member: string; udi: { udiPid: string; udiSn: string } | null; report_id: number | string | null; message: string }[];
  elements?: { member: string; element: string; udi: { udi_pid: string; udi_serial_number: string } | null; message: string }[];
  trust_codes?: { member: string; udi: { udi_pid: string; udi_serial_number: string }; message: string }[];
};

/** The S-26 expander: members, the per-report table (errors first), and the file's messages. */
export async function getUsageFileDetail(db: DbOrTx, ctx: AccessContext, fileId: string) {
  const { file, members, sa } = await requireUsageFile(db, ctx, fileId);
  const vaNames = new Map(
    (await db.select({ id: virtualAccounts.id, name: virtualAccounts.name }).from(virtualAccounts).where(eq(virtualAccounts.smartAccountId, file.smartAccountId))).map(
      (v) => [v.id, v.name],
    ),
  );
  const [{ total }] = await db.select({ total: count() }).from(rumReports).where(eq(rumReports.usageDataFileId, file.id));
  const reports = await db
    .select({
      reportId: rumReports.reportId,
      pid: rumReports.udiPid,
      sn: rumReports.udiSn,
      license: licenseDefinitions.displayName,
      tag: rumReports.entitlementTag,
      count: rumReports.count,
      status: rumReports.status,
      message: rumReports.message,
    })
    .from(rumReports)
    .leftJoin(licenseDefinitions, eq(licenseDefinitions.id, rumReports.licenseDefinitionId))
    .where(eq(rumReports.usageDataFileId, file.id))
    .orderBy(STATUS_ORDER, rumReports.udiPid, rumReports.udiSn, rumReports.reportId)
    .limit(REPORT_ROWS_SHOWN);
  const summary = (file.errorSummary ?? {}) as Summary;
  const problemRows = (summary.problems ?? []).map((p) => ({
    reportId: p.report_id === null ? "-" : String(p.report_id),
    udi: p.udi ? cssmUdi(p.udi.udiPid, p.udi.udiSn) : "-",
    license: "-",
    count: "-",
    status: "ERROR",
    message: p.message,
  }));
  const messages = [
    ...(summary.message ? [summary.message] : []),
    ...(summary.elements ?? []).map((e) => `${e.element}${e.udi ? ` (${cssmUdi(e.udi.udi_pid, e.udi.udi_serial_number)})` : ""}: ${e.message}`),
    ...(summary.trust_codes ?? []).map((t) => `TrustCodeRequest (${cssmUdi(t.udi.udi_pid, t.udi.udi_serial_number)}): ${t.message}`),
    ...(summary.warnings ?? []),
  ];
  const awaiting = members.filter((m) => !m.assignedVaId);
  const otherAccount =
    members.find((m) => !m.assignedVaId && m.manifestSaName && m.manifestSaName.toLowerCase() !== sa.name.toLowerCase())?.manifestSaName ?? null;
  return {
    id: file.id,
    smartAccountId: file.smartAccountId,
    fileName: file.fileName,
    reportedAt: file.reportedAt,
    status: file.status,
    totalMembers: file.container === "XML" ? 0 : members.length,
    members:
      file.container === "XML"
        ? []
        : members.slice(0, MEMBER_ROWS_SHOWN).map((m) => ({ id: m.id, name: m.memberName, virtualAccount: m.assignedVaId ? (vaNames.get(m.assignedVaId) ?? "-") : "-", reports: m.reportCount, status: m.status })),
    reports: [
      ...problemRows,
      ...reports.map((r) => ({
        reportId: String(r.reportId),
        udi: cssmUdi(r.pid, r.sn),
        license: r.license ?? r.tag ?? "-",
        count: r.count === null ? "-" : String(r.count),
        status: r.status as string,
        message: r.message ?? "",
      })),
    ],
    totalReports: total + problemRows.length,
    shownReports: reports.length + problemRows.length,
    messages,
    awaiting: awaiting.map((m) => ({ id: m.id, name: m.memberName })),
    producedFor: otherAccount ? producedFor(otherAccount) : null,
  };
}

/** The VAs the `Select Virtual Accounts` dropdowns offer: the SA's VAs the user can write (D-3, V-29). */
export async function assignableVirtualAccounts(db: DbOrTx, ctx: AccessContext, smartAccountId: string) {
  const { writable } = await writableVirtualAccounts(db, ctx, smartAccountId);
  return writable
    .map((v) => ({ id: v.id, name: v.name, isDefault: v.isDefault }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

export { canDownloadFile };
