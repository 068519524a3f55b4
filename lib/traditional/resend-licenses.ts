import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { tradLicenseFiles, tradLicenseLines } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { requireDevice } from "./access";
import { recordTradEvent } from "./events";
import { licenseFile, licenseFileName } from "./formats/license-file";
import { activeLines, storeLicenseFile, type StoredFile } from "./license-lines";
import { queueLicenseMail, recipientsSchema } from "./mail";
import { TRAD_MSG } from "./messages";

export const resendSchema = z.discriminatedUnion("delivery", [
  z.object({ deviceId: z.string().uuid(), delivery: z.literal("download") }),
  z.object({ deviceId: z.string().uuid(), delivery: z.literal("email"), sendTo: recipientsSchema }),
]);
export type ResendInput = z.input<typeof resendSchema>;

/**
 * W-47: every ACTIVE line of the device, each block byte-identical to its first issue, as one
 * file (RESEND) to download or mail. Anyone who sees the device may do it. Event E-106.
 */
export async function resendLicenses(tx: Tx, ctx: AccessContext, actor: Actor, raw: ResendInput): Promise<{ fileId: string; fileName: string }> {
  const input = resendSchema.parse(raw);
  const device = await requireDevice(tx, ctx, input.deviceId);
  const lines = (await activeLines(tx, device.id)).filter((l) => l.lineText);
  if (lines.length === 0) throw new ValidationError(TRAD_MSG.noActiveLicenses);
  const at = now();
  const sendTo = input.delivery === "email" ? input.sendTo : [];
  const file = await storeLicenseFile(tx, device, lines, "RESEND", { at, emailedTo: sendTo });
  const udi = `${device.udiPid}:${device.udiSn}`;
  await queueLicenseMail(tx, sendTo, file, udi);
  await recordTradEvent(tx, {
    type: "E-106",
    params: { udi, delivery: input.delivery === "email" ? `e-mailed to ${sendTo.join(", ")}` : "downloaded" },
    actor,
    data: { deviceId: device.id, udi, fileId: file.id },
    occurredAt: at,
  });
  return { fileId: file.id, fileName: file.fileName };
}

export const emailFileSchema = z.object({ fileId: z.string().uuid(), sendTo: recipientsSchema });
export type EmailFileInput = z.input<typeof emailFileSchema>;

/** S-53/S-56/S-57 result `Email`: the issued file again, to more recipients (no new license data, no event). */
export async function emailLicenseFile(tx: Tx, ctx: AccessContext, raw: EmailFileInput): Promise<{ sent: number }> {
  const input = emailFileSchema.parse(raw);
  const file = await licenseFileFor(tx, ctx, input.fileId);
  await queueLicenseMail(tx, input.sendTo, file, file.udi);
  await tx
    .update(tradLicenseFiles)
    .set({ emailedTo: [...new Set([...file.emailedTo, ...input.sendTo])] })
    .where(eq(tradLicenseFiles.id, file.id));
  return { sent: input.sendTo.length };
}

export const emailLineSchema = z.object({ lineId: z.string().uuid(), sendTo: recipientsSchema });
export type EmailLineInput = z.input<typeof emailLineSchema>;

/** S-55 row `Email`: one line as its own file, byte-identical to its first issue (no event: nothing changes). */
export async function emailLicenseLine(tx: Tx, ctx: AccessContext, raw: EmailLineInput): Promise<{ sent: number }> {
  const input = emailLineSchema.parse(raw);
  const file = await licenseLineFile(tx, ctx, input.lineId);
  await queueLicenseMail(tx, input.sendTo, file, file.udi);
  return { sent: input.sendTo.length };
}

/** A stored file the user may see (through its device). */
export async function licenseFileFor(db: DbOrTx, ctx: AccessContext, fileId: string) {
  const [file] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, fileId));
  if (!file) throw new NotFoundError();
  const device = await requireDevice(db, ctx, file.deviceId);
  return { ...file, udi: `${device.udiPid}:${device.udiSn}` };
}

/** One line as a `.lic` file: its stored block, named after the device. */
export async function licenseLineFile(db: DbOrTx, ctx: AccessContext, lineId: string): Promise<StoredFile & { udi: string }> {
  const [line] = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.id, lineId));
  if (!line || !line.lineText) throw new NotFoundError();
  const device = await requireDevice(db, ctx, line.deviceId);
  return {
    id: line.id,
    fileName: licenseFileName(device.udiSn, now()),
    content: licenseFile([line.lineText]),
    udi: `${device.udiPid}:${device.udiSn}`,
  };
}
