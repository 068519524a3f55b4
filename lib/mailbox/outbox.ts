import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import { NotFoundError } from "@/lib/access/errors";

/**
 * `/dev/mailbox`: the D-28 outbox, where every e-mail the app sends lands (§0.1).
 * An attachment is `{name, contentType?, content}` (UTF-8 text) or `{name, contentType?, contentBase64}`.
 */

export const outboxListSchema = z.object({
  ...pagingFields,
});

const attachmentSchema = z
  .object({
    name: z.string().optional(),
    fileName: z.string().optional(),
    filename: z.string().optional(),
    contentType: z.string().optional(),
    content: z.string().optional(),
    contentBase64: z.string().optional(),
  })
  .passthrough();

export type OutboxAttachment = { name: string; contentType: string; bytes: Buffer };

function readAttachment(raw: unknown, index: number): OutboxAttachment | null {
  const parsed = attachmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const a = parsed.data;
  const bytes = a.contentBase64 !== undefined ? Buffer.from(a.contentBase64, "base64") : Buffer.from(a.content ?? "", "utf8");
  return { name: a.name ?? a.fileName ?? a.filename ?? `attachment-${index + 1}`, contentType: a.contentType ?? "application/octet-stream", bytes };
}

export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  attachments: { index: number; name: string; size: number }[];
};

/** Newest first. */
export async function listOutbox(db: DbOrTx, filter: z.infer<typeof outboxListSchema>) {
  const total = await db.$count(outbox);
  const pageCount = Math.max(1, Math.ceil(total / filter.pageSize));
  const page = Math.min(filter.page, pageCount);
  const rows = await db
    .select()
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(filter.pageSize)
    .offset((page - 1) * filter.pageSize);
  const messages: OutboxMessage[] = rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    body: r.body,
    createdAt: r.createdAt,
    attachments: (Array.isArray(r.attachments) ? r.attachments : [])
      .map((a, index) => ({ index, a: readAttachment(a, index) }))
      .filter((x): x is { index: number; a: OutboxAttachment } => x.a !== null)
      .map(({ index, a }) => ({ index, name: a.name, size: a.bytes.length })),
  }));
  return { messages, total, page, pageSize: filter.pageSize, pageCount };
}

export async function outboxAttachment(db: DbOrTx, messageId: string, index: number): Promise<OutboxAttachment> {
  const [row] = await db.select({ attachments: outbox.attachments }).from(outbox).where(eq(outbox.id, messageId));
  const list = row && Array.isArray(row.attachments) ? row.attachments : [];
  const attachment = index >= 0 && index < list.length ? readAttachment(list[index], index) : null;
  if (!attachment) throw new NotFoundError();
  return attachment;
}
