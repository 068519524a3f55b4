import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { usageDataFiles } from "@/db/schema";
import { uuidv5 } from "@/lib/ids";
import { bufferSource, inspectUpload } from "../inspect";
import type { UsageEntry } from "../parse/usage-document";
import { isGzip } from "../upload/sniff";
import type { MemberRow, UsageFileRow } from "./env";

const gunzipAsync = promisify(gunzip);

export type WorkMember = { row: MemberRow; name: string; vaId: string; entries: UsageEntry[] };
/** One recognised child in file order; `seq` numbers the RUM reports of the file from 0. */
export type WorkItem = { seq: number; member: WorkMember; entry: UsageEntry; id?: string };
export type Work = { members: WorkMember[]; reports: WorkItem[]; others: WorkItem[] };

/** The D-15 id of the file's `seq`-th report: a re-run of a chunk finds the rows it wrote (INV-7). */
export const rumReportId = (fileId: string, seq: number) => uuidv5(`rum-report:${fileId}:${seq}`);

/** `rumReportId` of a report item, worked out once (chunks and the ACK both need it). */
export const reportIdOf = (fileId: string, item: WorkItem) => (item.id ??= rumReportId(fileId, item.seq));

/** The original upload bytes: a gzip upload is stored as is, anything else gzip-compressed (D-12). */
export async function originalBytes(db: DbOrTx, file: Pick<UsageFileRow, "id" | "container">): Promise<Buffer> {
  const [row] = await db.select({ blob: usageDataFiles.blob }).from(usageDataFiles).where(eq(usageDataFiles.id, file.id));
  return file.container !== "TGZ" && isGzip(row.blob) ? gunzipAsync(row.blob) : row.blob;
}

/** Re-parses the stored upload (it passed every check at upload) into the items to process. */
export async function loadWork(db: DbOrTx, file: UsageFileRow, members: MemberRow[]): Promise<Work> {
  const bytes = await originalBytes(db, file);
  const inspection = await inspectUpload(bufferSource(bytes), file.fileName, { trusted: true, keepEntries: true });
  const rowsByName = new Map<string, MemberRow[]>();
  for (const m of members) rowsByName.set(m.memberName, [...(rowsByName.get(m.memberName) ?? []), m]);
  const work: Work = { members: [], reports: [], others: [] };
  for (const m of inspection.members) {
    const row = rowsByName.get(m.name)?.shift();
    if (!row?.assignedVaId) throw new Error(`Usage file ${file.id}: member ${m.name} has no virtual account.`);
    const member: WorkMember = { row, name: m.name, vaId: row.assignedVaId, entries: m.entries ?? [] };
    work.members.push(member);
    for (const entry of member.entries) {
      if (entry.element === "RUMReport") work.reports.push({ seq: work.reports.length, member, entry });
      else work.others.push({ seq: work.others.length, member, entry });
    }
  }
  return work;
}
