import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { pakLines, paks, rehostTransactions, tradLicenseLines } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { addDays, now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { currentSigningKey } from "@/lib/signing/keys";
import { signMessage } from "@/lib/signing/sign";
import { canSeeTrad, canWriteTrad, deviceByUdi, requireDevice, type TradDevice } from "./access";
import { findOrCreateDevice } from "./devices";
import { recordTradEvent } from "./events";
import { credentialValue, parseDeviceCredential } from "./formats/device-credential";
import { writePermissionTicket } from "./formats/permission-ticket";
import { parseRehostTicket, rehostProof } from "./formats/rehost-ticket";
import type { IssuedFile } from "./fulfill-pak";
import { GRACE_DAYS, insertLicenseLines, licenseValueOf, serialOf, storeLicenseFile, type TradLine } from "./license-lines";
import { queueLicenseMail } from "./mail";
import { TRAD_MSG } from "./messages";
import { pidSchema, sameUdi, snSchema, type Udi } from "./udi";

/** Rehost transactions still waiting for their rehost ticket hold their lines (W-45). */
const OPEN = ["PERMISSION_TICKET_ISSUED", "REHOST_TICKET_RECEIVED"] as const;

export const rehostSourceSchema = z.object({
  pid: pidSchema,
  sn: snSchema,
  credential: z.string().max(10_000),
});
export type RehostSourceInput = z.input<typeof rehostSourceSchema>;

export type RehostableLine = { id: string; feature: string; version: string; count: number | null; pak: string | null; issuedAt: Date };

/**
 * W-45 steps 1–2: the source device (which the user must be able to write) and its credential
 * (F-11c; V-56: its UDI and its value must match the device), then the rehostable lines:
 * ACTIVE PERMANENT lines that no open rehost holds.
 */
export async function rehostSource(
  db: DbOrTx,
  ctx: AccessContext,
  raw: RehostSourceInput,
  opts: { forUpdate?: boolean } = {},
): Promise<{ device: TradDevice; lines: (RehostableLine & { line: TradLine })[] }> {
  const input = rehostSourceSchema.parse(raw);
  const udi: Udi = { pid: input.pid, sn: input.sn };
  const udiText = `${udi.pid}:${udi.sn}`;
  const device = await deviceByUdi(db, udi, { forUpdate: opts.forUpdate });
  if (!device || !canSeeTrad(ctx, device)) throw new ValidationError(TRAD_MSG.deviceNotFound(udiText), "sn");
  if (!canWriteTrad(ctx, device)) throw new ForbiddenError();
  const credential = parseDeviceCredential(input.credential);
  const deviceUdi = { pid: device.udiPid, sn: device.udiSn };
  if (!credential || !sameUdi(credential.udi, udi) || credential.credential !== credentialValue(deviceUdi)) {
    throw new ValidationError(TRAD_MSG.credential(udiText), "credential");
  }
  const held = new Set(
    (
      await db
        .select({ ids: rehostTransactions.selectedLineIds })
        .from(rehostTransactions)
        .where(and(eq(rehostTransactions.sourceDeviceId, device.id), inArray(rehostTransactions.status, [...OPEN])))
    ).flatMap((r) => r.ids),
  );
  const query = db
    .select({ line: tradLicenseLines, pak: paks.pak })
    .from(tradLicenseLines)
    .leftJoin(pakLines, eq(pakLines.id, tradLicenseLines.pakLineId))
    .leftJoin(paks, eq(paks.id, pakLines.pakId))
    .where(
      and(eq(tradLicenseLines.deviceId, device.id), eq(tradLicenseLines.status, "ACTIVE"), eq(tradLicenseLines.type, "PERMANENT")),
    )
    .orderBy(tradLicenseLines.issuedAt, tradLicenseLines.feature);
  const rows = opts.forUpdate ? await query.for("update", { of: tradLicenseLines }) : await query;
  const lines = rows
    .filter((r) => r.line.lineText && !held.has(r.line.id))
    .map(({ line, pak }) => ({
      id: line.id,
      feature: line.feature,
      version: line.version,
      count: line.count,
      pak,
      issuedAt: line.issuedAt,
      line,
    }));
  return { device, lines };
}

export const permissionTicketSchema = rehostSourceSchema.extend({
  lineIds: z.array(z.string().uuid()).min(1, TRAD_MSG.noLinesSelected).max(200),
});
export type PermissionTicketInput = z.input<typeof permissionTicketSchema>;

/**
 * W-45 step 3: a rehost transaction in `PERMISSION_TICKET_ISSUED`, a 60-day GRACE line on the
 * source for each selected line, and the signed F-11a ticket that removes the selected lines and
 * adds the GRACE lines. Event E-103.
 */
export async function issuePermissionTicket(tx: Tx, ctx: AccessContext, actor: Actor, raw: PermissionTicketInput): Promise<{ rehostId: string }> {
  const input = permissionTicketSchema.parse(raw);
  const { device, lines } = await rehostSource(tx, ctx, input, { forUpdate: true });
  const wanted = [...new Set(input.lineIds)];
  const selected = wanted.map((id) => lines.find((l) => l.id === id));
  if (selected.some((l) => !l)) throw new ValidationError(STALE_ITEM);
  const chosen = selected.map((l) => l!.line);

  const at = now();
  const graceEnds = addDays(at, GRACE_DAYS);
  const key = await currentSigningKey(tx);
  const grace = await insertLicenseLines(
    tx,
    key,
    device,
    chosen.map((l) => ({
      feature: l.feature,
      version: l.version,
      type: "GRACE" as const,
      count: l.count,
      start: at,
      expiresAt: graceEnds,
      pakLineId: l.pakLineId,
    })),
    { at, issuedBy: ctx.user.id },
  );
  const rehostId = randomUUID();
  const sourceUdi = { pid: device.udiPid, sn: device.udiSn };
  const ticket = writePermissionTicket(
    {
      transaction: rehostId,
      sourceUdi,
      removes: chosen.map((l) => ({ serial: serialOf(l), feature: l.feature, version: l.version, count: l.count })),
      adds: grace.map(licenseValueOf),
    },
    (m) => signMessage(key, m),
  );
  await tx.insert(rehostTransactions).values({
    id: rehostId,
    sourceDeviceId: device.id,
    destUdi: "",
    selectedLineIds: chosen.map((l) => l.id),
    permissionTicket: ticket,
    status: "PERMISSION_TICKET_ISSUED",
    graceExpiresAt: graceEnds,
    createdBy: ctx.user.id,
    createdAt: at,
  });
  const udi = `${device.udiPid}:${device.udiSn}`;
  await recordTradEvent(tx, {
    type: "E-103",
    params: { n: chosen.length, udi },
    actor,
    data: { rehostId, deviceId: device.id, udi },
    occurredAt: at,
  });
  return { rehostId };
}

/** A rehost transaction of a device the user can write; anything else is not found. */
export async function requireRehost(db: DbOrTx, ctx: AccessContext, rehostId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(rehostTransactions).where(eq(rehostTransactions.id, rehostId));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError();
  const device = await requireDevice(db, ctx, row.sourceDeviceId);
  if (!canWriteTrad(ctx, device)) throw new NotFoundError();
  return { rehost: row, device };
}

export const completeRehostSchema = z.object({
  rehostId: z.string().uuid().optional(),
  rehostTicket: z.string().max(20_000),
  pid: pidSchema,
  sn: snSchema,
});
export type CompleteRehostInput = z.input<typeof completeRehostSchema>;

/**
 * W-45 steps 4–5: checks the rehost ticket (F-11b, V-57: it parses, names a transaction still
 * waiting for it, revokes exactly the ticket's lines, and its proof matches; the destination
 * differs from the source), then marks the source lines REHOSTED, issues the same features and
 * counts as PERMANENT lines to the destination, mails F-11 to the user and completes the
 * transaction. Events E-108 (new destination) and E-104.
 */
export async function completeRehost(tx: Tx, ctx: AccessContext, actor: Actor, raw: CompleteRehostInput): Promise<IssuedFile> {
  const input = completeRehostSchema.parse(raw);
  const invalid = () => new ValidationError(TRAD_MSG.rehostTicket, "rehostTicket");
  const rt = parseRehostTicket(input.rehostTicket);
  if (!rt || (input.rehostId && rt.transaction.toLowerCase() !== input.rehostId.toLowerCase())) throw invalid();
  const [row] = await tx
    .select()
    .from(rehostTransactions)
    .where(eq(rehostTransactions.id, rt.transaction.toLowerCase()))
    .for("update");
  if (!row || row.status !== "PERMISSION_TICKET_ISSUED") throw invalid();
  const source = await requireDevice(tx, ctx, row.sourceDeviceId, { forUpdate: true }).catch(() => {
    throw invalid();
  });
  if (!canWriteTrad(ctx, source)) throw invalid();
  const sourceUdi = { pid: source.udiPid, sn: source.udiSn };
  const selected = await tx.select().from(tradLicenseLines).where(inArray(tradLicenseLines.id, row.selectedLineIds)).for("update");
  const serials = new Set(selected.map(serialOf));
  if (
    !sameUdi(rt.sourceUdi, sourceUdi) ||
    rt.proof !== rehostProof(rt.transaction, rt.sourceUdi) ||
    rt.revoked.length !== serials.size ||
    !rt.revoked.every((s) => serials.has(s))
  ) {
    throw invalid();
  }
  const dest = { pid: input.pid, sn: input.sn };
  if (sameUdi(dest, sourceUdi)) throw new ValidationError(TRAD_MSG.rehostSameDevice, "sn");
  if (selected.some((l) => l.status !== "ACTIVE")) throw new ValidationError(STALE_ITEM);

  const at = now();
  await tx.update(tradLicenseLines).set({ status: "REHOSTED" }).where(inArray(tradLicenseLines.id, row.selectedLineIds));
  const { device } = await findOrCreateDevice(
    tx,
    ctx,
    actor,
    dest,
    { productFamily: source.productFamily, smartAccountId: source.smartAccountId, virtualAccountId: source.virtualAccountId },
    at,
  );
  const key = await currentSigningKey(tx);
  const issued = await insertLicenseLines(
    tx,
    key,
    device,
    selected.map((l) => ({ feature: l.feature, version: l.version, type: "PERMANENT" as const, count: l.count, expiresAt: null, pakLineId: l.pakLineId })),
    { at, issuedBy: ctx.user.id },
  );
  const file = await storeLicenseFile(tx, device, issued, "REHOST", { at, emailedTo: [ctx.user.email] });
  const dst = `${device.udiPid}:${device.udiSn}`;
  const src = `${source.udiPid}:${source.udiSn}`;
  await queueLicenseMail(tx, [ctx.user.email], file, dst);
  await tx
    .update(rehostTransactions)
    .set({ status: "COMPLETED", rehostTicket: input.rehostTicket, destUdi: dst })
    .where(eq(rehostTransactions.id, row.id));
  await recordTradEvent(tx, {
    type: "E-104",
    params: { src, dst },
    actor,
    data: { rehostId: row.id, deviceId: source.id, udi: src, destDeviceId: device.id, destUdi: dst, fileId: file.id },
    occurredAt: at,
  });
  return { fileId: file.id, fileName: file.fileName, deviceId: device.id };
}
