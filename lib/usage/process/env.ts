import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type LicenseDefinition,
  licenseDefinitions,
  productMap,
  smartAccounts,
  usageDataFiles,
  usageFileMembers,
  virtualAccounts,
} from "@/db/schema";
import { type AccessContext, can, loadAccess } from "@/lib/access/context";
import { type PolicyRules, rulesForVirtualAccounts } from "@/lib/policy/next-report-due";
import { usageConfig } from "../config";
import { type Channel, type EventSink, writeEvents } from "../events";

export type UsageFileRow = Omit<typeof usageDataFiles.$inferSelect, "blob" | "ackBlob">;
export type MemberRow = typeof usageFileMembers.$inferSelect;
export type VaRow = typeof virtualAccounts.$inferSelect;
export type ProductMapRow = { pattern: RegExp; productType: string; productDescription: string; softwareTag: string | null };

/** Everything a chunk needs besides its reports, loaded once per run. */
export type ProcessEnv = {
  file: UsageFileRow;
  members: MemberRow[];
  sa: typeof smartAccounts.$inferSelect;
  vas: Map<string, VaRow>;
  at: Date;
  channel: Channel;
  /** The uploader's access, for moves between VAs (W-10 step 6.4); null when no user uploaded. */
  uploader: AccessContext | null;
  licensesByTag: Map<string, LicenseDefinition>;
  licensesById: Map<string, LicenseDefinition>;
  productMap: ProductMapRow[];
  rules: Map<string, PolicyRules>;
  events: EventSink;
  ignoreSignatures: boolean;
};

export const FILE_COLUMNS = {
  id: usageDataFiles.id,
  smartAccountId: usageDataFiles.smartAccountId,
  virtualAccountId: usageDataFiles.virtualAccountId,
  fileName: usageDataFiles.fileName,
  container: usageDataFiles.container,
  kind: usageDataFiles.kind,
  sizeBytes: usageDataFiles.sizeBytes,
  sha256: usageDataFiles.sha256,
  uploadedBy: usageDataFiles.uploadedBy,
  reportedAt: usageDataFiles.reportedAt,
  status: usageDataFiles.status,
  deviceCount: usageDataFiles.deviceCount,
  ackFileName: usageDataFiles.ackFileName,
  ackId: usageDataFiles.ackId,
  processedAt: usageDataFiles.processedAt,
  errorSummary: usageDataFiles.errorSummary,
  channel: usageDataFiles.channel,
  createdAt: usageDataFiles.createdAt,
};

export async function loadEnv(db: DbOrTx, file: UsageFileRow, at: Date, events: EventSink = writeEvents): Promise<ProcessEnv> {
  const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, file.smartAccountId));
  const vas = await db.select().from(virtualAccounts).where(eq(virtualAccounts.smartAccountId, sa.id));
  const members = await db.select().from(usageFileMembers).where(eq(usageFileMembers.fileId, file.id)).orderBy(usageFileMembers.memberName);
  const licenses = await db.select().from(licenseDefinitions);
  const map = await db.select().from(productMap);
  const live = vas.filter((v) => !v.deletedAt);
  return {
    file,
    members,
    sa,
    vas: new Map(vas.map((v) => [v.id, v])),
    at,
    channel: file.channel,
    uploader: file.uploadedBy ? await loadAccess(db, file.uploadedBy) : null,
    licensesByTag: new Map(licenses.map((l) => [l.entitlementTag.toLowerCase(), l])),
    licensesById: new Map(licenses.map((l) => [l.id, l])),
    productMap: map.map((r) => ({ pattern: new RegExp(r.pidPattern), productType: r.productType, productDescription: r.productDescription, softwareTag: r.softwareTag })),
    rules: live.length ? await rulesForVirtualAccounts(db, sa, live) : new Map(),
    events,
    ignoreSignatures: usageConfig.ignoreSignatures,
  };
}

/** D-3 "writable" for the uploader (W-10 step 6.4); no uploader may write nothing. */
export function uploaderCanWrite(env: ProcessEnv, vaId: string): boolean {
  return Boolean(env.uploader && can(env.uploader, "usage.upload", { saId: env.sa.id, vaId }));
}
