import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { paks, type RoleName, smartAccounts, tradDevices, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { TRAD_MSG } from "./messages";
import { type Udi } from "./udi";

/**
 * Traditional access (D-3, §0.4, W-43 step 1): a PAK or device is seen by its owner and by every
 * user holding a role on its Smart Account, or on its virtual account; it is written (fulfilled,
 * rehosted, assigned…) by its owner, a `Smart Account Administrator`/`User` of its Smart Account,
 * or a `Virtual Account Administrator`/`User` of its virtual account. Roles in a Smart Account
 * where the user is disabled (D-3a) grant nothing. Licensing Operations reads CSSM, not this
 * portal, so it has no extra rights here.
 */
export type TradScoped = { ownerUserId: string | null; smartAccountId: string | null; virtualAccountId: string | null };

const WRITE_SA: RoleName[] = ["SA_ADMIN", "SA_USER"];
const WRITE_VA: RoleName[] = ["VA_ADMIN", "VA_USER"];

function scopes(ctx: AccessContext, write: boolean): { sas: string[]; vas: string[] } {
  const sas = [...ctx.saRoles]
    .filter(([saId, role]) => !ctx.disabledIn.has(saId) && (!write || WRITE_SA.includes(role)))
    .map(([saId]) => saId);
  const vas = [...ctx.vaRoles]
    .filter(([, va]) => !ctx.disabledIn.has(va.saId) && (!write || WRITE_VA.includes(va.role)))
    .map(([vaId]) => vaId);
  return { sas, vas };
}

function allows(ctx: AccessContext, row: TradScoped, write: boolean): boolean {
  if (row.ownerUserId === ctx.user.id) return true;
  const { sas, vas } = scopes(ctx, write);
  return Boolean(
    (row.smartAccountId && sas.includes(row.smartAccountId)) || (row.virtualAccountId && vas.includes(row.virtualAccountId)),
  );
}

export function canSeeTrad(ctx: AccessContext, row: TradScoped): boolean {
  return allows(ctx, row, false);
}

export function canWriteTrad(ctx: AccessContext, row: TradScoped): boolean {
  return allows(ctx, row, true);
}

/** The same rule as SQL, for list queries over `paks` or `trad_devices`. */
export function visibleWhere(
  ctx: AccessContext,
  cols: { ownerUserId: AnyPgColumn; smartAccountId: AnyPgColumn; virtualAccountId: AnyPgColumn },
): SQL {
  const { sas, vas } = scopes(ctx, false);
  const parts: SQL[] = [eq(cols.ownerUserId, ctx.user.id)];
  if (sas.length) parts.push(inArray(cols.smartAccountId, sas));
  if (vas.length) parts.push(inArray(cols.virtualAccountId, vas));
  return or(...parts)!;
}

export function visiblePaksWhere(ctx: AccessContext): SQL {
  return visibleWhere(ctx, paks);
}

export function visibleDevicesWhere(ctx: AccessContext): SQL {
  return visibleWhere(ctx, tradDevices);
}

/** V-50: trims and upper-cases, checks the form, and answers a PAK the user cannot see as not found. */
export async function requirePak(db: DbOrTx, ctx: AccessContext, raw: string, opts: { forUpdate?: boolean } = {}) {
  const pak = raw.trim().toUpperCase();
  if (!/^[A-Z0-9]{11}$/.test(pak)) throw new ValidationError(TRAD_MSG.pakFormat, "pak");
  const query = db.select().from(paks).where(eq(paks.pak, pak));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row || !canSeeTrad(ctx, row)) throw new ValidationError(TRAD_MSG.pakNotFound(pak), "pak");
  return row;
}

export async function requireWritablePak(db: DbOrTx, ctx: AccessContext, raw: string) {
  const row = await requirePak(db, ctx, raw, { forUpdate: true });
  if (!canWriteTrad(ctx, row)) throw new ForbiddenError();
  return row;
}

export type TradDevice = typeof tradDevices.$inferSelect;

export async function requireDevice(db: DbOrTx, ctx: AccessContext, deviceId: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(tradDevices).where(eq(tradDevices.id, deviceId));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row || !canSeeTrad(ctx, row)) throw new NotFoundError();
  return row;
}

export async function requireWritableDevice(db: DbOrTx, ctx: AccessContext, deviceId: string) {
  const row = await requireDevice(db, ctx, deviceId, { forUpdate: true });
  if (!canWriteTrad(ctx, row)) throw new ForbiddenError();
  return row;
}

/** A device by UDI, compared case-insensitively (F-15); null when there is none. */
export async function deviceByUdi(db: DbOrTx, udi: Udi, opts: { forUpdate?: boolean } = {}): Promise<TradDevice | null> {
  const query = db
    .select()
    .from(tradDevices)
    .where(and(sql`lower(${tradDevices.udiPid}) = ${udi.pid.toLowerCase()}`, sql`lower(${tradDevices.udiSn}) = ${udi.sn.toLowerCase()}`));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** A device the user names by UDI: a device they cannot see is answered as not found (D-3). */
export async function requireDeviceByUdi(db: DbOrTx, ctx: AccessContext, udi: Udi, opts: { write?: boolean } = {}) {
  const row = await deviceByUdi(db, udi, { forUpdate: opts.write });
  if (!row || !canSeeTrad(ctx, row)) throw new NotFoundError();
  if (opts.write && !canWriteTrad(ctx, row)) throw new ForbiddenError();
  return row;
}

export type WritableVirtualAccount = { smartAccountId: string; smartAccountName: string; virtualAccountId: string; virtualAccountName: string };

/** W-48 targets and S-54 `Add Device` choices: the VAs the user can write, by Smart Account then VA name. */
export async function writableVirtualAccounts(db: DbOrTx, ctx: AccessContext): Promise<WritableVirtualAccount[]> {
  const { sas, vas } = scopes(ctx, true);
  if (sas.length === 0 && vas.length === 0) return [];
  const parts: SQL[] = [];
  if (sas.length) parts.push(inArray(virtualAccounts.smartAccountId, sas));
  if (vas.length) parts.push(inArray(virtualAccounts.id, vas));
  return db
    .select({
      smartAccountId: smartAccounts.id,
      smartAccountName: smartAccounts.name,
      virtualAccountId: virtualAccounts.id,
      virtualAccountName: virtualAccounts.name,
    })
    .from(virtualAccounts)
    .innerJoin(smartAccounts, eq(smartAccounts.id, virtualAccounts.smartAccountId))
    .where(and(isNull(virtualAccounts.deletedAt), or(...parts)))
    .orderBy(asc(smartAccounts.name), asc(virtualAccounts.name));
}

/** Loads a target VA for W-48 / `Add Device`; one the user cannot write is not found or forbidden. */
export async function requireWritableVirtualAccount(db: DbOrTx, ctx: AccessContext, virtualAccountId: string) {
  const targets = await writableVirtualAccounts(db, ctx);
  const target = targets.find((t) => t.virtualAccountId === virtualAccountId);
  if (target) return target;
  const [va] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, virtualAccountId));
  const member =
    va && !ctx.disabledIn.has(va.smartAccountId) && (ctx.saRoles.has(va.smartAccountId) || ctx.vaRoles.has(va.id));
  if (member) throw new ForbiddenError();
  throw new NotFoundError();
}
