import { actorOf } from "@/lib/actions/mutation";
import { formatDate, formatTimestamp } from "@/lib/format";
import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { listUsageFiles, type UsageFileStatus } from "@/lib/usage/query";
import { receiveUpload } from "@/lib/usage/receive";
import { usageFileListSchema } from "@/lib/usage/schemas";
import { acceptUsageUpload } from "@/lib/usage/upload";

export type UsageFileListResponse = {
  rows: {
    id: string;
    fileName: string;
    reported: string;
    reportedFull: string;
    virtualAccounts: string[];
    status: UsageFileStatus;
    deviceCount: number;
    hasAck: boolean;
    canDownload: boolean;
  }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  canUpload: boolean;
};

/** S-26 list: one page of the SA's usage data files, newest first. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const result = await listUsageFiles(db, ctx, usageFileListSchema.parse(searchParamsObject(url)));
  const tz = await userTimeZone(db, ctx.user.id);
  const body: UsageFileListResponse = {
    ...result,
    rows: result.rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      reported: formatDate(r.reportedAt, tz),
      reportedFull: formatTimestamp(r.reportedAt, tz),
      virtualAccounts: r.virtualAccounts,
      status: r.status,
      deviceCount: r.status === "PROCESSING" || r.status === "AWAITING_VA" ? 0 : r.deviceCount,
      hasAck: r.hasAck,
      canDownload: r.canDownload,
    })),
  };
  return json(200, body);
});

/**
 * W-10 steps 2–3: `POST /api/ui/usage-files?sa={smartAccountId}&name={file name}` with the file as
 * the raw body. The body streams into a temporary file (V-20), then the synchronous stage runs.
 */
export const POST = uiRoute(async ({ req, ctx, db, url }) => {
  const length = req.headers.get("content-length");
  const received = await receiveUpload(req.body, length ? Number(length) : null);
  try {
    const result = await acceptUsageUpload(db, ctx, actorOf(ctx), received.source, {
      smartAccountId: url.searchParams.get("sa") ?? "",
      fileName: url.searchParams.get("name") ?? "",
    });
    return json(201, result);
  } finally {
    await received.cleanup();
  }
});
