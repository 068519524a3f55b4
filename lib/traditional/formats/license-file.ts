import { createHash, randomInt } from "node:crypto";
import { type Udi } from "../udi";

/**
 * F-11 license file: one block per license line (`License:`, `Comment:`, `Hash:`), blocks
 * separated by a blank line; ASCII only, LF line endings, no BOM. The 24 tokens before ` ,` are
 * what the `WLC` signature covers; `Hash:` covers the whole text after `License: `.
 */

export type LicenseKind = "NORMAL" | "TRIAL" | "GRACE" | "SUBSCRIPTION";
export type LockType = "CL_ND_LCK" | "DEMO";

export type LicenseLineSpec = {
  feature: string;
  version: string;
  kind: LicenseKind;
  /** Usage period in hours; null = `INFINITE` (permanent). */
  hours: number | null;
  /** null = uncounted (`INFINITE_KEYS`). */
  count: number | null;
  /** null = `NEVER`. */
  start: Date | null;
  end: Date | null;
  lock: LockType;
  /** `*` + 18 uppercase alphanumerics; null = `NiL`. */
  serial: string | null;
  /** null = `NiL` (a line that is not node-locked). */
  udi: Udi | null;
  comment?: string | null;
};

export type LicenseBlock = {
  /** The three lines `License:`, `Comment:`, `Hash:`, without a trailing LF. */
  block: string;
  /** The 24-token string the `WLC` signature covers. */
  signedText: string;
  hash: string;
};

export const TOKEN_COUNT = 24;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ASCII = /^[\x20-\x7e]*$/;
const WORD = /^[\x21-\x7e]+$/;
const SERIAL = /^\*[A-Z0-9]{18}$/;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** `DD-MMM-YYYY` in UTC, e.g. `10-Mar-2024`. */
export function licenseDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}

function parseLicenseDate(text: string): Date | null {
  if (text === "NEVER") return null;
  const m = /^(\d{2})-([A-Z][a-z]{2})-(\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]) : -1;
  if (!m || month < 0) throw new Error(`Not a license date: ${text}`);
  return new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
}

/** A fresh line serial: `*` and 18 uppercase alphanumerics. `pick` lets the seed stay deterministic. */
export function newSerial(pick: (n: number) => number = randomInt): string {
  let s = "*";
  for (let i = 0; i < 18; i++) s += ALNUM[pick(ALNUM.length)];
  return s;
}

/** `{SN}_{yyyymmddHHMMSS}.lic` */
export function licenseFileName(sn: string, at: Date): string {
  return `${sn}_${at.toISOString().replace(/[-:T]/g, "").slice(0, 14)}.lic`;
}

function udiToken(udi: Udi | null): string {
  return udi ? `<UDI><PID>${udi.pid}</PID><SN>${udi.sn}</SN></UDI>` : "NiL";
}

/** The 24 space-separated tokens of F-11, in order. */
export function licenseTokens(spec: LicenseLineSpec): string[] {
  const count = spec.count === null ? "INFINITE_KEYS" : String(spec.count);
  const tokens = [
    "11",
    spec.feature,
    spec.version,
    "LONG",
    spec.kind,
    "DISABLED",
    spec.hours === null ? "INFINITE" : String(spec.hours),
    "DISABLED",
    "STANDALONE",
    "ADD",
    count,
    count,
    spec.start ? licenseDate(spec.start) : "NEVER",
    spec.end ? licenseDate(spec.end) : "NEVER",
    "NiL",
    "SLM_CODE",
    spec.lock,
    "NiL",
    spec.serial ?? "NiL",
    "NiL",
    "NiL",
    "NiL",
    "5_MINS",
    udiToken(spec.udi),
  ];
  for (const t of tokens) if (!WORD.test(t)) throw new Error(`F-11 token must be printable ASCII without spaces: "${t}"`);
  if (spec.serial !== null && !SERIAL.test(spec.serial)) throw new Error(`Not an F-11 serial: ${spec.serial}`);
  return tokens;
}

function sha1(text: string): string {
  return createHash("sha1").update(text, "latin1").digest("base64");
}

/** A 16-hex line checksum: the start of SHA-256 over the signed tokens. */
function checksum(signedText: string): string {
  return createHash("sha256").update(signedText, "latin1").digest("hex").slice(0, 16).toUpperCase();
}

/** Builds one block; `sign` is ECDSA with the F-4 key over the 24-token string. */
export function writeLicenseBlock(spec: LicenseLineSpec, sign: (message: string) => string): LicenseBlock {
  const signedText = licenseTokens(spec).join(" ");
  const value = `${signedText} ,${checksum(signedText)}$<WLC>${sign(signedText)}</WLC>`;
  const comment = (spec.comment ?? "").replace(/[^\x20-\x7e]/g, "?");
  const hash = sha1(value);
  return { block: `License: ${value}\n${`Comment: ${comment}`.trimEnd()}\nHash: ${hash}`, signedText, hash };
}

/** The file: blocks separated by a blank line, LF endings, a final LF. */
export function licenseFile(blocks: string[]): string {
  const text = blocks.join("\n\n") + "\n";
  if (!ASCII.test(text.replace(/\n/g, ""))) throw new Error("F-11 files are ASCII only.");
  return text;
}

export type ParsedLicenseLine = {
  feature: string;
  version: string;
  kind: LicenseKind;
  hours: number | null;
  count: number | null;
  start: Date | null;
  end: Date | null;
  lock: LockType;
  serial: string | null;
  udi: Udi | null;
  checksum: string;
  signature: string;
  signedText: string;
  /** The text after `License: `, which `Hash:` covers. */
  value: string;
  comment: string;
  hash: string;
  hashMatches: boolean;
};

const VALUE = /^(.*) ,([0-9A-Fa-f]{16})\$<WLC>([A-Za-z0-9+/=]+)<\/WLC>$/;

/** Reads the text after `License: ` (the value F-11a's `Add:` carries too). */
export function parseLicenseValue(value: string): Omit<ParsedLicenseLine, "comment" | "hash" | "hashMatches"> {
  const m = VALUE.exec(value);
  if (!m) throw new Error("Not an F-11 license line.");
  const tokens = m[1].split(" ");
  if (tokens.length !== TOKEN_COUNT) throw new Error(`An F-11 license line has ${TOKEN_COUNT} tokens before " ,".`);
  const kind = tokens[4] as LicenseKind;
  if (!["NORMAL", "TRIAL", "GRACE", "SUBSCRIPTION"].includes(kind)) throw new Error(`Unknown license kind ${kind}.`);
  const lock = tokens[16] as LockType;
  if (lock !== "CL_ND_LCK" && lock !== "DEMO") throw new Error(`Unknown lock type ${lock}.`);
  const udi = /^<UDI><PID>([^<]+)<\/PID><SN>([^<]+)<\/SN><\/UDI>$/.exec(tokens[23]);
  const number = (t: string, infinite: string) => (t === infinite ? null : Number(t));
  return {
    feature: tokens[1],
    version: tokens[2],
    kind,
    hours: number(tokens[6], "INFINITE"),
    count: number(tokens[10], "INFINITE_KEYS"),
    start: parseLicenseDate(tokens[12]),
    end: parseLicenseDate(tokens[13]),
    lock,
    serial: tokens[18] === "NiL" ? null : tokens[18],
    udi: udi ? { pid: udi[1], sn: udi[2] } : null,
    checksum: m[2],
    signature: m[3],
    signedText: m[1],
    value,
  };
}

/** Reads an F-11 file (a BOM and CRLF are tolerated on input). */
export function parseLicenseFile(text: string): ParsedLicenseLine[] {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").split("\n");
  const out: ParsedLicenseLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith("License: ")) {
      if (lines[i].trim() === "") continue;
      throw new Error(`Unexpected line ${i + 1} in a license file.`);
    }
    const value = lines[i].slice("License: ".length);
    const comment = lines[i + 1]?.startsWith("Comment:") ? lines[i + 1].slice("Comment:".length).trim() : null;
    const hashLine = lines[i + 2];
    if (comment === null || !hashLine?.startsWith("Hash: ")) throw new Error(`License block at line ${i + 1} is incomplete.`);
    const hash = hashLine.slice("Hash: ".length);
    out.push({ ...parseLicenseValue(value), comment, hash, hashMatches: sha1(value) === hash });
    i += 2;
  }
  return out;
}
