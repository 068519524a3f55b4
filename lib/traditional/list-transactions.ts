import { and, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { events, paks, rehostTransactions, tradDevices } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { userColumn } from "@/lib/events/record";
import { canWriteTrad, visibleDevicesWhere, visiblePaksWhere } from "./access";

/**
 * S-58 Transactions History, read from the TRAD events: each business transaction writes one
 * (E-104 completes the E-103 rehost row instead of adding its own). A row is listed to the user
 * who made it and to whoever sees its device or PAK.
 */
export const TRANSACTION_LABELS: Record<string, string> = {
  "E-101": "PAK Fulfillment",
  "E-102": "Demo License",
  "E-103": "Rehost",
  "E-105": "RMA",
  "E-106": "Resend",
  "E-107": "Assign to Smart Account",
  "E-109": "Smart Conversion",
};

const REHOST_STATUS: Record<string, string> = {
  PERMISSION_TICKET_ISSUED: "Permission Ticket Issued",
  REHOST_TICKET_RECEIVED: "Rehost Ticket Received",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const transactionListSchema = z.object({
  ...pagingFields,
});
export type TransactionListFilter = z.infer<typeof transactionListSchema>;

export type TransactionRow = {
  id: number;
  occurredAt: Date;
  transaction: string;
  pak: string | null;
  device: string | null;
  details: string;
  user: string;
  status: string;
  rehostId: string | null;
  canContinue: boolean;
};

type EventData = { pak?: string; udi?: string; rehostId?: string; deviceId?: string };

export async function listTransactions(db: DbOrTx, ctx: AccessContext, f: TransactionListFilter) {
  const deviceIds = db.select({ id: sql`${tradDevices.id}::text` }).from(tradDevices).where(visibleDevicesWhere(ctx));
  const pakIds = db.select({ id: sql`${paks.id}::text` }).from(paks).where(visiblePaksWhere(ctx));
  const where = and(
    eq(events.workspace, "TRAD"),
    inArray(events.type, Object.keys(TRANSACTION_LABELS)),
    or(
      eq(events.userId, ctx.user.id),
      inArray(sql`(${events.data}->>'deviceId')`, deviceIds),
      inArray(sql`(${events.data}->>'pakId')`, pakIds),
    ),
  );
  const [{ total }] = await db.select({ total: count() }).from(events).where(where);
  const rows = await db
    .select()
    .from(events)
    .where(where)
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);

  const rehostIds = rows.map((r) => (r.data as EventData).rehostId).filter((id): id is string => Boolean(id));
  const rehosts = rehostIds.length
    ? await db
        .select({ rehost: rehostTransactions, device: tradDevices })
        .from(rehostTransactions)
        .innerJoin(tradDevices, eq(tradDevices.id, rehostTransactions.sourceDeviceId))
        .where(inArray(rehostTransactions.id, rehostIds))
    : [];
  const completions = rehostIds.length
    ? await db
        .select({ message: events.message, rehostId: sql<string>`${events.data}->>'rehostId'` })
        .from(events)
        .where(and(eq(events.type, "E-104"), inArray(sql`(${events.data}->>'rehostId')`, rehostIds)))
    : [];

  return {
    rows: rows.map((r): TransactionRow => {
      const data = r.data as EventData;
      const rehost = data.rehostId && r.type === "E-103" ? rehosts.find((x) => x.rehost.id === data.rehostId) : undefined;
      const open = rehost?.rehost.status === "PERMISSION_TICKET_ISSUED" || rehost?.rehost.status === "REHOST_TICKET_RECEIVED";
      const done = rehost?.rehost.status === "COMPLETED" ? completions.find((c) => c.rehostId === data.rehostId) : undefined;
      return {
        id: r.id,
        occurredAt: r.occurredAt,
        transaction: TRANSACTION_LABELS[r.type],
        pak: data.pak ?? null,
        device: data.udi ?? null,
        details: done?.message ?? r.message,
        user: userColumn(r),
        status: rehost ? REHOST_STATUS[rehost.rehost.status] : "Completed",
        rehostId: rehost ? rehost.rehost.id : null,
        canContinue: Boolean(rehost && open && canWriteTrad(ctx, rehost.device)),
      };
    }),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}
