import { isUuid } from "@/lib/ids";
import { NotFoundError } from "@/lib/access/errors";

/** The `{id}` of `/api/ui/tokens/{id}[/download]`; anything else is not found. */
export function tokenIdFromUrl(url: URL): string {
  const id = /^\/api\/ui\/tokens\/([^/]+)/.exec(url.pathname)?.[1];
  if (!isUuid(id)) throw new NotFoundError();
  return id;
}
