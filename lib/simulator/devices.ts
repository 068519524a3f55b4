import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authorizations, licenseDefinitions, productInstances, simDevices } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { seal, unseal } from "@/lib/crypto/seal";
import { type AuthorizationKind, normalizeCode, returnCode } from "@/lib/reservation/codes";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { usageXml } from "@/lib/usage/format/rum-writer";
import { type DlcData, deviceFile, type SimDevice } from "./device-file";
import { applyImport, interpretImport, type PlrAuthorization, readImportDocuments } from "./import";
import { asInstalled, type SimInstalled } from "./installed";
import { ALNUM } from "./rng";
import type { EditUsageInput, SaveUsageFileInput } from "./schemas";

/**
 * S-60 Device Simulator over D-30: what each per-device action does. The simulator is a device,
 * not a Smart Account member: it works for any signed-in user while demo tools are on (the routes
 * check that). Every time it writes comes from lib/clock.ts (W-60).
 */

type SimDeviceRecord = typeof simDevices.$inferSelect;

export const udiText = (pid: string, sn: string) => `PID:${pid},SN:${sn}`;
const fileSafe = (pid: string) => pid.replace(/\//g, "_");
const nowSeconds = () => Math.floor(now().getTime() / 1000);

function toSimDevice(row: SimDeviceRecord): SimDevice {
  return {
    udiPid: row.udiPid,
    udiSn: row.udiSn,
    hostname: row.hostname,
    hostnamePrivacy: row.hostnamePrivacy,
    softwareVersion: row.softwareVersion,
    softwareTag: row.softwareTag,
    licenses: row.licenses,
    utilityMode: row.utilityMode,
    trustSecret: row.trustSecret ? unseal(row.trustSecret, "credential-encryption") : null,
    nextReportId: row.nextReportId,
    dlc: (row.dlc as DlcData | null) ?? null,
  };
}

async function loadDevice(db: DbOrTx, deviceId: string, forUpdate = false): Promise<SimDeviceRecord> {
  const query = db.select().from(simDevices).where(eq(simDevices.id, deviceId));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError();
  return row;
}

export type SimDeviceListRow = {
  id: string;
  udi: string;
  hostname: string | null;
  licenses: { entitlementTag: string; name: string; count: number }[];
  utilityMode: boolean;
  trustInstalledAt: string | null;
  nextReportId: number;
  hasDlc: boolean;
  host: string | null;
};

async function licenseNames(db: DbOrTx, tags: string[]): Promise<Map<string, string>> {
  if (tags.length === 0) return new Map();
  const rows = await db
    .select({ tag: licenseDefinitions.entitlementTag, name: licenseDefinitions.displayName })
    .from(licenseDefinitions)
    .where(inArray(licenseDefinitions.entitlementTag, tags));
  return new Map(rows.map((r) => [r.tag, r.name]));
}

/** The S-60 table: every simulated device, by UDI. */
export async function listSimDevices(db: DbOrTx): Promise<SimDeviceListRow[]> {
  const rows = await db
    .select()
    .from(simDevices)
    .orderBy(asc(sql`lower(${simDevices.udiPid})`), asc(sql`lower(${simDevices.udiSn})`));
  const names = await licenseNames(db, [...new Set(rows.flatMap((r) => Object.keys(r.licenses)))]);
  return rows.map((r) => ({
    id: r.id,
    udi: udiText(r.udiPid, r.udiSn),
    hostname: r.hostname,
    licenses: Object.entries(r.licenses)
      .map(([tag, count]) => ({ entitlementTag: tag, name: names.get(tag) ?? tag, count }))
      .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" })),
    utilityMode: r.utilityMode,
    trustInstalledAt: r.trustSecret ? (asInstalled(r.installed).trust?.installedAt ?? r.createdAt.toISOString()) : null,
    nextReportId: r.nextReportId,
    hasDlc: Boolean((r.dlc as DlcData | null)?.conversion_lines?.length),
    host: r.host,
  }));
}

export type DeviceDownload = { fileName: string; contentType: string; body: string };

/**
 * `Save Usage File` (W-60, F-1): one RUMReport per license, signed with the trust secret or the
 * builtin key, with InstanceInfo and, on request, a TrustCodeRequest and the DLC data. Report ids
 * start at next_report_id, which advances by one per report written.
 */
export async function saveUsageFile(tx: DbOrTx, input: SaveUsageFileInput): Promise<DeviceDownload & { reportIds: number[] }> {
  const row = await loadDevice(tx, input.deviceId, true);
  const device = toSimDevice(row);
  if (input.includeDlc && !device.dlc?.conversion_lines.length) throw new ValidationError("This device holds no DLC data.", "includeDlc");
  const installed = asInstalled(row.installed);
  const nowSec = nowSeconds();
  const file = deviceFile({
    device,
    nowSec,
    includeTrustRequest: input.includeTrustRequest,
    includeDlc: input.includeDlc,
    includeInstanceInfo: true,
    trustNonce: [...randomBytes(16)].map((b) => ALNUM[b % ALNUM.length]).join(""),
    history: installed.usage,
  });
  const next: SimInstalled = { ...installed, usage: { reportedAt: nowSec, reported: { ...device.licenses }, changedAt: {} } };
  await tx.update(simDevices).set({ nextReportId: file.nextReportId, installed: next }).where(eq(simDevices.id, row.id));
  return {
    fileName: `dev_${row.udiSn}_${nowSec}.xml`,
    contentType: "application/xml",
    body: usageXml(file.children),
    reportIds: file.reports.map((r) => r.reportId),
  };
}

/** `Save SLAC Request` (F-6a): an F-1 document asking for the enforced and export-controlled licenses the device uses. */
export async function saveSlacRequest(db: DbOrTx, deviceId: string): Promise<DeviceDownload> {
  const row = await loadDevice(db, deviceId);
  const tags = Object.entries(row.licenses)
    .filter(([, count]) => count > 0)
    .map(([tag]) => tag);
  const enforced = tags.length
    ? await db
        .select({ tag: licenseDefinitions.entitlementTag })
        .from(licenseDefinitions)
        .where(and(inArray(licenseDefinitions.entitlementTag, tags), inArray(licenseDefinitions.enforcement, ["ENFORCED", "EXPORT_CONTROLLED"])))
    : [];
  if (enforced.length === 0) {
    throw new ValidationError("This device uses no enforced or export-controlled license, so it has no authorization to request.");
  }
  const request = {
    request_id: randomUUID(),
    sudi: { udi_pid: row.udiPid, udi_serial_number: row.udiSn },
    ha_udi: [],
    mode: "add",
    scope: "local",
    licenses: enforced.map((e) => ({ entitlement_tag: e.tag, count: 1 })),
  };
  return {
    fileName: `SLACRequest_${fileSafe(row.udiPid)}_${row.udiSn}.xml`,
    contentType: "application/xml",
    body: usageXml([{ element: "AuthorizationRequest", body: request }]),
  };
}

/** The INSTALLED authorizations (D-16) of the product instance with this UDI: reservations first. */
async function installedAuthorizations(db: DbOrTx, pid: string, sn: string) {
  const rows = await db
    .select({ kind: authorizations.kind, piid: authorizations.piid, issuedAt: authorizations.issuedAt, codeText: authorizations.codeText })
    .from(authorizations)
    .innerJoin(productInstances, eq(productInstances.id, authorizations.productInstanceId))
    .where(
      and(
        eq(authorizations.status, "INSTALLED"),
        sql`lower(${productInstances.udiPid}) = lower(${pid})`,
        sql`lower(${productInstances.udiSn}) = lower(${sn})`,
      ),
    );
  return rows.sort((a, b) => Number(a.kind === "SLAC") - Number(b.kind === "SLAC"));
}

export type ReturnCodes = DeviceDownload & { codes: { kind: AuthorizationKind; code: string }[] };

/** `Save Return Code` (W-60, F-10): the return code of each authorization the device holds, in the F-6b text form. */
export async function saveReturnCode(db: DbOrTx, deviceId: string): Promise<ReturnCodes> {
  const row = await loadDevice(db, deviceId);
  const auths = await installedAuthorizations(db, row.udiPid, row.udiSn);
  if (auths.length === 0) throw new ValidationError("This device holds no authorization code, so there is nothing to return.");
  const codes = auths.map((a) => ({ kind: a.kind, code: returnCode(a.kind, a.piid, row.udiPid, row.udiSn) }));
  const body = codes.map((c) => `UDI: ${udiText(row.udiPid, row.udiSn)}\nReturn code: ${c.code}\n`).join("\n");
  return { fileName: `ReturnCode_${fileSafe(row.udiPid)}_${row.udiSn}.txt`, contentType: "text/plain; charset=utf-8", body, codes };
}

/** `Edit Usage`: the device's license counts; a changed count is remembered for the next report (P-9). */
export async function editSimUsage(tx: DbOrTx, input: EditUsageInput): Promise<Record<string, number>> {
  const row = await loadDevice(tx, input.deviceId, true);
  const tags = input.licenses.map((l) => l.entitlementTag);
  const known = await licenseNames(tx, tags);
  const unknown = tags.find((t) => !known.has(t));
  if (unknown) throw new ValidationError(`Unknown entitlement tag ${unknown}.`);
  const licenses = Object.fromEntries(input.licenses.map((l) => [l.entitlementTag, l.count]));
  const installed = asInstalled(row.installed);
  const changedAt = { ...installed.usage?.changedAt };
  for (const [tag, count] of Object.entries(licenses)) if (row.licenses[tag] !== count) changedAt[tag] = nowSeconds();
  await tx
    .update(simDevices)
    .set({ licenses, installed: { ...installed, usage: { ...installed.usage, changedAt } } })
    .where(eq(simDevices.id, row.id));
  return licenses;
}

export type ImportResult = { kind: string; lines: string[]; confirmationCode: string | null };

async function plrAuthorization(db: DbOrTx, pid: string, sn: string, code: string): Promise<PlrAuthorization | null> {
  const plr = (await installedAuthorizations(db, pid, sn)).find(
    (a) => a.kind === "PLR" && a.codeText !== null && normalizeCode(a.codeText) === normalizeCode(code),
  );
  return plr ? { piid: plr.piid, issuedAtMs: plr.issuedAt.getTime(), codeText: plr.codeText } : null;
}

/**
 * `Import File`: an ACK, policy, SLAC, SLR or PLR code. Signatures are checked against the
 * published keys (V-28) before anything is installed; a refused file changes nothing.
 */
export async function importSimFile(tx: DbOrTx, input: { deviceId: string; bytes: Buffer }): Promise<ImportResult> {
  const row = await loadDevice(tx, input.deviceId, true);
  const docs = await readImportDocuments(input.bytes);
  const pems = new Map((await publishedSigningKeys(tx)).map((k) => [k.keyId, k.publicPem]));
  const file = interpretImport(docs, pems);
  const plr = file.kind === "PLR" ? await plrAuthorization(tx, row.udiPid, row.udiSn, file.code) : null;
  const outcome = applyImport({ udiPid: row.udiPid, udiSn: row.udiSn, installed: asInstalled(row.installed) }, file, now(), plr);
  await tx
    .update(simDevices)
    .set({
      installed: outcome.installed,
      ...(outcome.trustSecret ? { trustSecret: seal(outcome.trustSecret, "credential-encryption") } : {}),
    })
    .where(eq(simDevices.id, row.id));
  return { kind: file.kind, lines: outcome.lines, confirmationCode: outcome.confirmationCode ?? null };
}

/** The catalogue for `Edit Usage`'s license picker. */
export async function catalogueOptions(db: DbOrTx): Promise<{ entitlementTag: string; name: string }[]> {
  return db
    .select({ entitlementTag: licenseDefinitions.entitlementTag, name: licenseDefinitions.displayName })
    .from(licenseDefinitions)
    .orderBy(asc(licenseDefinitions.displayName));
}
