import { NotFoundError } from "@/lib/access/errors";
import { devRoute, fileResponse } from "@/lib/http/dev-route";
import { isUuid } from "@/lib/ids";
import { outboxAttachment } from "@/lib/mailbox/outbox";

/** `/dev/mailbox`: one attachment of an outbox message. */
export const GET = devRoute<{ id: string; index: string }>(async ({ db, params }) => {
  if (!isUuid(params.id) || !/^\d{1,4}$/.test(params.index)) throw new NotFoundError();
  const a = await outboxAttachment(db, params.id, Number(params.index));
  return fileResponse(a.bytes, a.name, a.contentType);
});
