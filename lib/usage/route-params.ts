import { NotFoundError } from "@/lib/access/errors";
import { isUuid } from "@/lib/ids";

/** The `{id}` of `/api/ui/usage-files/{id}[/ack]`; anything else is not found. */
export function usageFileIdFromUrl(url: URL): string {
  const id = /^\/api\/ui\/usage-files\/([^/]+)/.exec(url.pathname)?.[1];
  if (!isUuid(id)) throw new NotFoundError();
  return id;
}
