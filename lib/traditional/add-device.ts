import { z } from "zod";
import type { Tx } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/events/record";
import { deviceByUdi, requireWritableVirtualAccount, writableVirtualAccounts } from "./access";
import { findOrCreateDevice } from "./devices";
import { TRAD_MSG } from "./messages";
import { pidSchema, snSchema } from "./udi";

/** S-54 `Add Device`. */
export const addDeviceSchema = z.object({
  virtualAccountId: z.string().uuid(TRAD_MSG.vaRequired).optional(),
  productFamily: z.string().trim().min(1, TRAD_MSG.familyRequired),
  pid: pidSchema,
  sn: snSchema,
});
export type AddDeviceInput = z.input<typeof addDeviceSchema>;

/** Adds a device owned by the user; the VA is required when the user can write one (E-108). */
export async function addDevice(tx: Tx, ctx: AccessContext, actor: Actor, raw: AddDeviceInput): Promise<{ deviceId: string }> {
  const input = addDeviceSchema.parse(raw);
  const udi = { pid: input.pid, sn: input.sn };
  let scope: { smartAccountId: string | null; virtualAccountId: string | null } = { smartAccountId: null, virtualAccountId: null };
  if (input.virtualAccountId) {
    const va = await requireWritableVirtualAccount(tx, ctx, input.virtualAccountId);
    scope = { smartAccountId: va.smartAccountId, virtualAccountId: va.virtualAccountId };
  } else if ((await writableVirtualAccounts(tx, ctx)).length > 0) {
    throw new ValidationError(TRAD_MSG.vaRequired, "virtualAccountId");
  }
  if (await deviceByUdi(tx, udi)) throw new ValidationError(TRAD_MSG.deviceExists(`${udi.pid}:${udi.sn}`), "sn");
  const { device } = await findOrCreateDevice(tx, ctx, actor, udi, { productFamily: input.productFamily, ...scope }, now());
  return { deviceId: device.id };
}
