import { devRoute } from "@/lib/http/dev-route";
import { json, searchParamsObject } from "@/lib/http/route";
import { formatTimestamp } from "@/lib/format";
import { listOutbox, outboxListSchema } from "@/lib/mailbox/outbox";
import { userTimeZone } from "@/lib/preferences/time-zone";

export type MailboxResponse = {
  messages: { id: string; to: string; subject: string; body: string; time: string; attachments: { index: number; name: string; size: number }[] }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** `/dev/mailbox`: the D-28 outbox, newest first. */
export const GET = devRoute(async ({ ctx, db, url }) => {
  const result = await listOutbox(db, outboxListSchema.parse(searchParamsObject(url)));
  const tz = await userTimeZone(db, ctx.user.id);
  const body: MailboxResponse = {
    ...result,
    messages: result.messages.map(({ createdAt, ...m }) => ({ ...m, time: formatTimestamp(createdAt, tz) })),
  };
  return json(200, body);
});
