import type { DbOrTx } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { asc } from "drizzle-orm";
import { tradDevices } from "@/db/schema";
import { requireDevice, visibleDevicesWhere } from "./access";
import { writeDeviceCredential } from "./formats/device-credential";
import { parsePermissionTicket, verifyPermissionTicket } from "./formats/permission-ticket";
import { rehostTicketFor, writeRehostTicket } from "./formats/rehost-ticket";

/**
 * S-60 traditional device tools: they stand in for a device's console and keep no state (D-30).
 */
export const SIGNATURE_MISMATCH = "Data and signature do not match";
export const NOT_A_PERMISSION_TICKET = "This file is not a permission ticket.";

/** The devices the `Device Credential` tool offers: those the user sees. */
export async function deviceChoices(db: DbOrTx, ctx: AccessContext) {
  return db
    .select({ id: tradDevices.id, pid: tradDevices.udiPid, sn: tradDevices.udiSn })
    .from(tradDevices)
    .where(visibleDevicesWhere(ctx))
    .orderBy(asc(tradDevices.udiPid), asc(tradDevices.udiSn));
}

/** `Device Credential`: `cred.lic` (F-11c) of a device the user sees. */
export async function deviceCredentialFile(db: DbOrTx, ctx: AccessContext, deviceId: string): Promise<string> {
  const device = await requireDevice(db, ctx, deviceId);
  return writeDeviceCredential({ pid: device.udiPid, sn: device.udiSn });
}

/**
 * `Rehost Ticket`: verifies the permission ticket as a device would (F-4 published keys, V-28),
 * then answers the `rt.lic` (F-11b) the source device produces once it revoked the lines.
 */
export async function rehostTicketFromPermissionTicket(db: DbOrTx, permissionTicket: string): Promise<string> {
  let ticket;
  try {
    ticket = parsePermissionTicket(permissionTicket);
  } catch {
    throw new ValidationError(NOT_A_PERMISSION_TICKET);
  }
  const keys = await publishedSigningKeys(db);
  if (!verifyPermissionTicket(ticket, keys.map((k) => k.publicPem))) throw new ValidationError(SIGNATURE_MISMATCH);
  return writeRehostTicket(rehostTicketFor(ticket));
}
