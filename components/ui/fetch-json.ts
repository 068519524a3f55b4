/** GET a `/api/ui/*` route; a failed answer throws its `message`, or `failure` when it has none. */
export async function fetchJson<T>(url: string, failure: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? failure);
  return body as T;
}
