export { fetchJson } from "@/components/ui/fetch-json";

/** Saves a file through its download route; the route's Content-Disposition names it unless `fileName` is given. */
export function downloadFile(url: string, fileName = ""): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
