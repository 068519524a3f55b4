import { gunzipSync } from "node:zlib";
import { XMLValidator } from "fast-xml-parser";
import { extract } from "tar-stream";
import { ValidationError } from "@/lib/access/errors";
import { confirmationCode } from "@/lib/reservation/codes";
import { findSignedElements, verifySignedElement } from "@/lib/signing/document";
import { verifyMessage } from "@/lib/signing/sign";
import { type AuthorizationEntitlement, type InstalledCode, KEEP_ACKS, KEEP_REPORT_IDS, type SimInstalled } from "./installed";

/**
 * S-60 `Import File`: what a device does with a file from the portal. It verifies every signature
 * against the published keys first (F-4, V-28) and refuses the whole file when one fails, so a
 * tampered file installs nothing. Then ACKs mark reports acknowledged and install trust, policy and
 * SLACs; SLAC, SLR and PLR codes yield the F-10 confirmation code (W-60).
 */

export const SIGNATURE_MISMATCH = "Data and signature do not match";
export const NOT_A_DEVICE_FILE = "The file is not an ACK, policy, SLAC, SLR or PLR code.";
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type Udi = { udiPid: string; udiSn: string };

/** An F-6 SLAC or F-8 SLR authorization code, read from its XML. */
export type AuthorizationCodeDoc = Omit<InstalledCode, "installedAt" | "confirmationCode"> & {
  element: "smartLicenseAuthorization" | "specificPLR";
  udis: Udi[];
};

type AckData = {
  ack_id: string;
  reports?: { udi: { udi_pid: string; udi_serial_number: string }; report_id: number; status: string; message: string }[];
  trust_codes?: { udi: { udi_pid: string; udi_serial_number: string }; status: string; trust_code: string | null; issued_at: number | null; message: string }[];
};
type PolicyData = { policy_id: string; name: string; policy_version: number };

export type ImportedFile =
  | { kind: "ACK"; ack: AckData; policy?: PolicyData; codes: AuthorizationCodeDoc[] }
  | { kind: "POLICY"; policy: PolicyData }
  | { kind: "SLAC"; codes: AuthorizationCodeDoc[] }
  | { kind: "SLR"; codes: AuthorizationCodeDoc[] }
  | { kind: "PLR"; code: string };

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTar = (b: Buffer) => b.length > 262 && b.subarray(257, 262).toString("latin1") === "ustar";

async function tarMembers(tar: Buffer): Promise<string[]> {
  const docs: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const ex = extract();
    ex.on("entry", (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on("data", (c) => parts.push(c as Buffer));
      stream.on("end", () => {
        if (header.type === "file" && /\.(xml|txt)$/i.test(header.name)) docs.push(Buffer.concat(parts).toString("utf8"));
        next();
      });
      stream.resume();
    });
    ex.on("finish", resolve);
    ex.on("error", () => reject(new ValidationError("The archive is damaged or incomplete and could not be read.")));
    ex.end(tar);
  });
  return docs;
}

/** The documents of an uploaded file: the text itself, or the `.xml`/`.txt` members of a (gzipped) tar ACK. */
export async function readImportDocuments(bytes: Buffer): Promise<string[]> {
  if (bytes.length === 0) throw new ValidationError("The file is empty.");
  if (bytes.length > MAX_IMPORT_BYTES) throw new ValidationError("The file is larger than 5 MB.");
  let body = bytes;
  if (isGzip(body)) {
    try {
      body = gunzipSync(body, { maxOutputLength: 4 * MAX_IMPORT_BYTES });
    } catch {
      throw new ValidationError("The archive is damaged or incomplete and could not be read.");
    }
  }
  if (isTar(body)) return tarMembers(body);
  return [body.toString("utf8").replace(/^\uFEFF/, "")];
}

const tagText = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim();

/** `P:{pid},S:{sn}` or `PID:{pid},SN:{sn}` (F-15). */
function parseUdi(text: string): Udi | null {
  const m = /^\s*(?:PID|P)\s*:\s*([^,\s]+)\s*,\s*(?:SN|S)\s*:\s*([^,\s]+)/i.exec(text);
  return m ? { udiPid: m[1], udiSn: m[2] } : null;
}

/** F-4: the signed message of an XML authorization code is `udiText + "\n" + authorizationCodeXml`. */
function readAuthorizationCode(element: AuthorizationCodeDoc["element"], xml: string, pems: Map<string, string>): AuthorizationCodeDoc {
  const udiTexts = [...xml.matchAll(/<udi>([^<]*)<\/udi>/g)].map((m) => m[1]);
  const code = /<authorizationCode>[\s\S]*?<\/authorizationCode>/.exec(xml)?.[0];
  const signature = /<signature(\s[^>]*)?>([^<]*)<\/signature>/.exec(xml);
  if (!code || !signature || udiTexts.length === 0) throw new ValidationError(NOT_A_DEVICE_FILE);
  const keyId = /keyId="([^"]+)"/.exec(signature[1] ?? "")?.[1];
  const message = `${udiTexts.join(",")}\n${code}`;
  const candidates = keyId ? [pems.get(keyId)].filter((p): p is string => Boolean(p)) : [...pems.values()];
  if (!candidates.some((pem) => verifyMessage(pem, message, signature[2].replace(/\s+/g, "")))) throw new ValidationError(SIGNATURE_MISMATCH);
  const entitlements: AuthorizationEntitlement[] = [...code.matchAll(/<entitlement>([\s\S]*?)<\/entitlement>/g)].map((m) => ({
    tag: tagText(m[1], "tag") ?? "",
    count: Number(tagText(m[1], "count") ?? 0),
  }));
  return {
    element,
    udis: udiTexts.map(parseUdi).filter((u): u is Udi => u !== null),
    piid: tagText(code, "piid") ?? tagText(code, "pid") ?? "",
    timestamp: tagText(code, "timestamp") ?? "",
    entitlements,
    code: xml,
  };
}

/** The innermost `<element>…</element>` blocks (an ACK may wrap F-6 codes in elements of the same name). */
function blocks(xml: string, element: string): string[] {
  const re = new RegExp(`<${element}>(?:(?!<${element}>)[\\s\\S])*?</${element}>`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]).filter((b) => b.includes("<authorizationCode>"));
}

function checkXml(doc: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(doc)) throw new ValidationError("The file contains a document type declaration, which is not allowed.");
  const valid = XMLValidator.validate(doc);
  if (valid !== true) throw new ValidationError(`The file is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}).`);
}

/** Verifies and classifies the documents of an imported file; `pems` are the published keys (id → PEM). */
export function interpretImport(docs: string[], pems: Map<string, string>): ImportedFile {
  const texts = docs.map((d) => d.trim()).filter(Boolean);
  if (texts.length === 1 && !texts[0].includes("<")) {
    if (/^[A-Za-z0-9-]{10,200}$/.test(texts[0])) return { kind: "PLR", code: texts[0] };
    throw new ValidationError(NOT_A_DEVICE_FILE);
  }
  let ack: AckData | undefined;
  let policy: PolicyData | undefined;
  const codes: AuthorizationCodeDoc[] = [];
  for (const doc of texts) {
    checkXml(doc);
    for (const el of findSignedElements(doc)) {
      if (!verifySignedElement(el, pems)) throw new ValidationError(SIGNATURE_MISMATCH);
      const data = JSON.parse(el.dataText) as { type?: string };
      if (el.element === "smartLicenseRumAck" && data.type === "rum_ack") ack = mergeAcks(ack, data as AckData);
      if (el.element === "smartLicensePolicy" && data.type === "policy") policy = data as PolicyData;
    }
    for (const xml of blocks(doc, "smartLicenseAuthorization")) codes.push(readAuthorizationCode("smartLicenseAuthorization", xml, pems));
    for (const xml of blocks(doc, "specificPLR")) codes.push(readAuthorizationCode("specificPLR", xml, pems));
  }
  if (ack) return { kind: "ACK", ack, policy, codes };
  if (codes.some((c) => c.element === "specificPLR")) return { kind: "SLR", codes: codes.filter((c) => c.element === "specificPLR") };
  if (codes.length) return { kind: "SLAC", codes };
  if (policy) return { kind: "POLICY", policy };
  throw new ValidationError(NOT_A_DEVICE_FILE);
}

/** A tar ACK holds one ACK per member; the device takes them together. */
function mergeAcks(a: AckData | undefined, b: AckData): AckData {
  if (!a) return b;
  return { ...a, reports: [...(a.reports ?? []), ...(b.reports ?? [])], trust_codes: [...(a.trust_codes ?? []), ...(b.trust_codes ?? [])] };
}

const sameUdi = (a: Udi, b: { udi_pid: string; udi_serial_number: string } | Udi) => {
  const pid = "udi_pid" in b ? b.udi_pid : b.udiPid;
  const sn = "udi_pid" in b ? b.udi_serial_number : b.udiSn;
  return a.udiPid.toLowerCase() === pid.toLowerCase() && a.udiSn.toLowerCase() === sn.toLowerCase();
};

export type ImportOutcome = {
  installed: SimInstalled;
  /** A newly installed trust secret (32 bytes), when the ACK issued one. */
  trustSecret?: Buffer;
  /** What the device did, one line each. */
  lines: string[];
  confirmationCode?: string;
};

/** The PLR authorization the portal issued to this device, from D-16 (a PLR code carries no piid). */
export type PlrAuthorization = { piid: string; issuedAtMs: number; codeText: string | null };

/** Applies a verified file to the device; refuses what is not meant for it, changing nothing. */
export function applyImport(
  device: Udi & { installed: SimInstalled },
  file: ImportedFile,
  at: Date,
  plr?: PlrAuthorization | null,
): ImportOutcome {
  const udiText = `PID:${device.udiPid},SN:${device.udiSn}`;
  const installed: SimInstalled = structuredClone(device.installed);
  const lines: string[] = [];
  const stamp = at.toISOString();
  let trustSecret: Buffer | undefined;
  let confirmation: string | undefined;

  const installCode = (doc: AuthorizationCodeDoc, kind: "SLAC" | "SLR") => {
    const code: InstalledCode = {
      piid: doc.piid,
      timestamp: doc.timestamp,
      entitlements: doc.entitlements,
      code: doc.code,
      installedAt: stamp,
      confirmationCode: confirmationCode(doc.piid, doc.timestamp),
    };
    if (kind === "SLAC") installed.slac = code;
    else installed.reservation = { ...code, kind: "SLR" };
    confirmation = code.confirmationCode;
    const list = doc.entitlements.map((e) => `${e.count} × ${e.tag}`).join(", ");
    lines.push(`Installed the ${kind} authorization code${list ? ` for ${list}` : ""}.`);
  };
  const mine = (codes: AuthorizationCodeDoc[]) => codes.filter((c) => c.udis.some((u) => sameUdi(device, u)));

  if (file.kind === "ACK") {
    const reports = (file.ack.reports ?? []).filter((r) => sameUdi(device, r.udi));
    const trust = (file.ack.trust_codes ?? []).filter((t) => sameUdi(device, t.udi));
    const codes = mine(file.codes);
    if (reports.length === 0 && trust.length === 0 && codes.length === 0) throw new ValidationError(`The file holds nothing for ${udiText}.`);
    if (reports.length) {
      const acked = reports.filter((r) => r.status === "ACK").map((r) => r.report_id);
      installed.acks = [
        { ackId: file.ack.ack_id, importedAt: stamp, reports: reports.map((r) => ({ reportId: r.report_id, status: r.status, message: r.message })) },
        ...(installed.acks ?? []),
      ].slice(0, KEEP_ACKS);
      installed.acknowledgedReportIds = [...new Set([...acked, ...(installed.acknowledgedReportIds ?? [])])]
        .sort((a, b) => b - a)
        .slice(0, KEEP_REPORT_IDS);
      lines.push(`Marked ${acked.length} of ${reports.length} reports acknowledged.`);
      for (const r of reports.filter((x) => x.status !== "ACK")) lines.push(`Report ${r.report_id}: ${r.status}${r.message ? ` - ${r.message}` : ""}`);
    }
    for (const t of trust) {
      if (t.status === "ISSUED" && t.trust_code) {
        trustSecret = Buffer.from(t.trust_code, "base64");
        installed.trust = { installedAt: stamp, issuedAt: t.issued_at };
        lines.push("Installed the trust code.");
      } else lines.push(`Trust code not issued: ${t.message || t.status}`);
    }
    if (file.policy) installPolicy(installed, file.policy, stamp, lines);
    for (const c of codes) installCode(c, "SLAC");
  } else if (file.kind === "POLICY") {
    installPolicy(installed, file.policy, stamp, lines);
  } else if (file.kind === "SLAC" || file.kind === "SLR") {
    const codes = mine(file.codes);
    if (codes.length === 0) {
      const other = file.codes[0]?.udis[0];
      throw new ValidationError(`This authorization code is for another device${other ? ` (PID:${other.udiPid},SN:${other.udiSn})` : ""}.`);
    }
    for (const c of codes) installCode(c, file.kind);
  } else {
    if (!plr) throw new ValidationError("This PLR code was not issued to this device.");
    const code: InstalledCode = {
      piid: plr.piid,
      timestamp: String(plr.issuedAtMs),
      entitlements: [],
      code: file.code,
      installedAt: stamp,
      confirmationCode: confirmationCode(plr.piid, plr.issuedAtMs),
    };
    installed.reservation = { ...code, kind: "PLR" };
    confirmation = code.confirmationCode;
    lines.push("Installed the PLR authorization code.");
  }
  return { installed, trustSecret, lines, confirmationCode: confirmation };
}

function installPolicy(installed: SimInstalled, policy: PolicyData, stamp: string, lines: string[]): void {
  installed.policy = { policyId: policy.policy_id, name: policy.name, version: policy.policy_version, installedAt: stamp };
  lines.push(`Installed the policy "${policy.name}" (version ${policy.policy_version}).`);
}
