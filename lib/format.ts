/** Display formats of S-0, shared by every screen, export and message. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Parts = { y: string; m: number; d: string; hh: string; mm: string; ss: string };

function parts(value: Date, timeZone = "UTC"): Parts {
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(f.formatToParts(value).map((x) => [x.type, x.value]));
  return { y: p.year, m: Number(p.month), d: p.day, hh: p.hour, mm: p.minute, ss: p.second };
}

/** `2021-Jan-15 02:53:39` */
export function formatTimestamp(value: Date | string | null | undefined, timeZone = "UTC"): string {
  if (!value) return "-";
  const p = parts(new Date(value), timeZone);
  return `${p.y}-${MONTHS[p.m - 1]}-${p.d} ${p.hh}:${p.mm}:${p.ss}`;
}

/** `2021-Jan-19` */
export function formatDate(value: Date | string | null | undefined, timeZone = "UTC"): string {
  if (!value) return "-";
  const p = parts(new Date(value), timeZone);
  return `${p.y}-${MONTHS[p.m - 1]}-${p.d}`;
}

/** ` (in N days)` with N = ceil((t − now) / 1 day), or `Expired` when t ≤ now. */
export function relativeExpiry(value: Date | string, now: Date): string {
  const ms = new Date(value).getTime() - now.getTime();
  if (ms <= 0) return "Expired";
  const days = Math.ceil(ms / 86_400_000);
  return `(in ${days} days)`;
}

/** `+1`, `0`, `-1` */
export function formatBalance(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** `1 of 100`, or just the count without a maximum. */
export function formatUses(used: number, max: number | null | undefined): string {
  return max == null ? String(used) : `${used} of ${max}`;
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === "" ? "-" : String(value);
}

/** `Showing Page 1 of 3 (25 Records)` */
export function pageSummary(page: number, pageCount: number, total: number): string {
  return `Showing Page ${page} of ${Math.max(1, pageCount)} (${total} Records)`;
}

/** Unpaginated table footer: `Showing All {n} Records`, or `Showing 1 Record`. */
export function allRecordsSummary(n: number): string {
  return n === 1 ? "Showing 1 Record" : `Showing All ${n} Records`;
}

/** A file size for messages: `512 bytes`, `2.1 KB`, `14.3 MB` (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
