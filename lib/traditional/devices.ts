import type { DbOrTx } from "@/db/client";
import { tradDevices } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError } from "@/lib/access/errors";
import type { Actor } from "@/lib/events/record";
import { canWriteTrad, deviceByUdi, type TradDevice } from "./access";
import { recordTradEvent } from "./events";
import { type Udi } from "./udi";

export type DeviceDefaults = {
  productFamily: string;
  smartAccountId?: string | null;
  virtualAccountId?: string | null;
};

/**
 * The device that receives licenses: the existing one (which the user must be able to write), or
 * a new one owned by the user, placed in `defaults`' Smart Account and VA (E-108).
 */
export async function findOrCreateDevice(
  tx: DbOrTx,
  ctx: AccessContext,
  actor: Actor,
  udi: Udi,
  defaults: DeviceDefaults,
  at: Date,
): Promise<{ device: TradDevice; created: boolean }> {
  const existing = await deviceByUdi(tx, udi, { forUpdate: true });
  if (existing) {
    if (!canWriteTrad(ctx, existing)) throw new ForbiddenError();
    return { device: existing, created: false };
  }
  const [device] = await tx
    .insert(tradDevices)
    .values({
      udiPid: udi.pid,
      udiSn: udi.sn,
      productFamily: defaults.productFamily,
      ownerUserId: ctx.user.id,
      smartAccountId: defaults.smartAccountId ?? null,
      virtualAccountId: defaults.smartAccountId ? (defaults.virtualAccountId ?? null) : null,
      createdAt: at,
    })
    .returning();
  await recordTradEvent(tx, {
    type: "E-108",
    params: { pid: device.udiPid, sn: device.udiSn },
    actor,
    data: { deviceId: device.id, udi: `${device.udiPid}:${device.udiSn}` },
    occurredAt: at,
  });
  return { device, created: true };
}
