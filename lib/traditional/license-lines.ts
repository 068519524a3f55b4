import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tradLicenseFiles, tradLicenseLines } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import type { SigningKey } from "@/lib/signing/keys";
import { signMessage } from "@/lib/signing/sign";
import type { TradDevice } from "./access";
import {
  type LicenseLineSpec,
  licenseFile,
  licenseFileName,
  newSerial,
  parseLicenseValue,
  writeLicenseBlock,
} from "./formats/license-file";

export type TradLineType = "PERMANENT" | "EVALUATION" | "GRACE" | "SUBSCRIPTION";
export type TradLine = typeof tradLicenseLines.$inferSelect;

/** What a new trad_license_lines row carries before it is written as an F-11 block. */
export type NewLine = {
  feature: string;
  version: string;
  type: TradLineType;
  count: number | null;
  /** Start of a SUBSCRIPTION or GRACE period; defaults to the issue time. */
  start?: Date | null;
  expiresAt: Date | null;
  pakLineId: string | null;
  comment?: string | null;
};

export const GRACE_DAYS = 60;
export const EVALUATION_DAYS = 60;

const hoursBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 3_600_000);

/**
 * The F-11 tokens of a line: PERMANENT is `NORMAL`/`INFINITE`; EVALUATION is `TRIAL` with its
 * hours and the `DEMO` lock (not node-locked); GRACE and SUBSCRIPTION are written like `TRIAL`
 * with the whole period in hours and real dates, node-locked to the UDI.
 */
export function lineSpec(line: NewLine, device: Pick<TradDevice, "udiPid" | "udiSn">, at: Date, serial: string): LicenseLineSpec {
  const udi = { pid: device.udiPid, sn: device.udiSn };
  const base = { feature: line.feature, version: line.version, count: line.count, serial, comment: line.comment ?? null };
  const start = line.start ?? at;
  switch (line.type) {
    case "PERMANENT":
      return { ...base, kind: "NORMAL", hours: null, start: null, end: null, lock: "CL_ND_LCK", udi };
    case "EVALUATION":
      return {
        ...base,
        kind: "TRIAL",
        hours: line.expiresAt ? hoursBetween(start, line.expiresAt) : EVALUATION_DAYS * 24,
        start: null,
        end: null,
        lock: "DEMO",
        udi: null,
      };
    case "GRACE":
    case "SUBSCRIPTION": {
      const end = line.expiresAt ?? new Date(start.getTime() + GRACE_DAYS * DAY_MS);
      return { ...base, kind: line.type, hours: hoursBetween(start, end), start, end, lock: "CL_ND_LCK", udi };
    }
  }
}

/** Blocks of one file are ordered by feature, version, then text, so a resend rebuilds the same order. */
export function compareLines(a: Pick<TradLine, "feature" | "version" | "lineText">, b: typeof a): number {
  return (
    a.feature.localeCompare(b.feature, "en") ||
    a.version.localeCompare(b.version, "en") ||
    (a.lineText ?? "").localeCompare(b.lineText ?? "", "en")
  );
}

/** Writes the lines for a device with their F-11 blocks (signed with the F-4 key); returns them in file order. */
export async function insertLicenseLines(
  tx: DbOrTx,
  key: SigningKey,
  device: TradDevice,
  lines: NewLine[],
  opts: { at: Date; issuedBy: string | null; serial?: () => string },
): Promise<TradLine[]> {
  const out: TradLine[] = [];
  for (const line of lines) {
    const { block, hash } = writeLicenseBlock(lineSpec(line, device, opts.at, (opts.serial ?? newSerial)()), (m) => signMessage(key, m));
    const [row] = await tx
      .insert(tradLicenseLines)
      .values({
        deviceId: device.id,
        pakLineId: line.pakLineId,
        feature: line.feature,
        version: line.version,
        type: line.type,
        count: line.count,
        expiresAt: line.expiresAt,
        lineText: block,
        hash,
        comment: line.comment ?? null,
        status: "ACTIVE",
        issuedAt: opts.at,
        issuedBy: opts.issuedBy,
      })
      .returning();
    out.push(row);
  }
  return out.sort(compareLines);
}

export type StoredFile = { id: string; fileName: string; content: string };

/** Stores a `.lic` file for the device, made of the lines' stored blocks (byte for byte). */
export async function storeLicenseFile(
  tx: DbOrTx,
  device: TradDevice,
  lines: Pick<TradLine, "lineText">[],
  kind: "PAK" | "DEMO" | "RMA" | "REHOST" | "RESEND",
  opts: { at: Date; emailedTo?: string[] },
): Promise<StoredFile> {
  const content = licenseFile(lines.map((l) => l.lineText!));
  const fileName = licenseFileName(device.udiSn, opts.at);
  const [row] = await tx
    .insert(tradLicenseFiles)
    .values({ deviceId: device.id, fileName, content, kind, emailedTo: opts.emailedTo ?? [], createdAt: opts.at })
    .returning({ id: tradLicenseFiles.id });
  return { id: row.id, fileName, content };
}

/** The device's ACTIVE lines in resend order: by issue time, then as each file ordered them. */
export async function activeLines(tx: DbOrTx, deviceId: string, opts: { forUpdate?: boolean } = {}): Promise<TradLine[]> {
  const query = tx
    .select()
    .from(tradLicenseLines)
    .where(and(eq(tradLicenseLines.deviceId, deviceId), eq(tradLicenseLines.status, "ACTIVE")))
    .orderBy(asc(tradLicenseLines.issuedAt));
  const rows = opts.forUpdate ? await query.for("update") : await query;
  return rows.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || compareLines(a, b));
}

/** The `*serial` of a stored line (token 19 of its F-11 text). */
export function serialOf(line: Pick<TradLine, "lineText">): string {
  const value = line.lineText!.split("\n")[0].slice("License: ".length);
  const serial = parseLicenseValue(value).serial;
  if (!serial) throw new Error("The license line has no serial.");
  return serial;
}

/** The F-11 `License:` value of a stored line, as F-11a `Add:` carries it. */
export function licenseValueOf(line: Pick<TradLine, "lineText">): string {
  return line.lineText!.split("\n")[0].slice("License: ".length);
}
