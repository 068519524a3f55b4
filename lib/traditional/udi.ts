import { z } from "zod";

/** F-15 patterns and their V-59 messages. */
export const PID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/;
export const SN_PATTERN = /^[A-Za-z0-9-]{1,40}$/;
export const UDI_MSG = { pid: "Enter a valid product ID.", sn: "Enter a valid serial number." } as const;

export const pidSchema = z.string({ message: UDI_MSG.pid }).trim().regex(PID_PATTERN, UDI_MSG.pid);
export const snSchema = z.string({ message: UDI_MSG.sn }).trim().regex(SN_PATTERN, UDI_MSG.sn);

export type Udi = { pid: string; sn: string };

/** The Traditional form `{pid}:{sn}` (F-15). */
export function tradUdi(u: Udi): string {
  return `${u.pid}:${u.sn}`;
}

/** Reads `{pid}:{sn}` (a PID never holds `:`); null when either part breaks F-15. */
export function parseTradUdi(text: string): Udi | null {
  const at = text.indexOf(":");
  if (at < 0) return null;
  const pid = text.slice(0, at).trim();
  const sn = text.slice(at + 1).trim();
  return PID_PATTERN.test(pid) && SN_PATTERN.test(sn) ? { pid, sn } : null;
}

/** UDI values are stored as given and compared case-insensitively (F-15). */
export function sameUdi(a: Udi, b: Udi): boolean {
  return a.pid.toLowerCase() === b.pid.toLowerCase() && a.sn.toLowerCase() === b.sn.toLowerCase();
}
