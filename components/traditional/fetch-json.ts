/** GET a `/api/ui/*` route; a failed answer throws its message. */
export async function fetchJson<T>(url: string, failure: string): Promise<T> {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? failure);
  return body as T;
}

/** Saves a file through its download route; the route's Content-Disposition names it unless `fileName` is given. */
export function downloadFile(url: string, fileName = ""): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
