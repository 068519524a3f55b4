import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { roleAssignments, saUserStatus, smartAccounts, users, virtualAccounts, type RoleName } from "@/db/schema";
import { type AccessContext, assertCan, requireSmartAccount, saRoleOf } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { ROLE_LABELS, type SaRole, type VaRole } from "@/lib/access/roles";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { hashPassword } from "@/lib/auth/password";
import { deriveCcoId } from "./cco-id";
import type { AddUsersInput, EditUserInput } from "./schemas";

export const MSG = {
  noUser: "No user found with that email or username.",
  notYourVa: "You can only assign roles on virtual accounts you administer.",
  needRole: "Give the user a Smart Account role or at least one virtual account role.",
  lastAdmin: "A Smart Account must keep at least one administrator.",
  emailTaken: "A user with this email already exists. Choose Existing User.",
  alreadyMember: "This user already has access to this Smart Account. Use Edit... to change their roles.",
};

type RoleSet = { saRole: SaRole | null; va: Map<string, VaRole> };

export type SmartAccountUserRow = {
  userId: string;
  ccoId: string;
  email: string;
  displayName: string;
  saRole: SaRole | null;
  vaRoles: { virtualAccountId: string; vaName: string; role: VaRole }[];
  status: "Active" | "Disabled";
};

/** S-33 Users: every user holding a role in the SA, by CCO id. */
export async function listSmartAccountUsers(db: DbOrTx, ctx: AccessContext, saId: string): Promise<SmartAccountUserRow[]> {
  await requireSmartAccount(db, ctx, saId);
  assertCan(ctx, "view", { saId });
  const rows = await db
    .select({
      userId: users.id,
      ccoId: users.ccoId,
      email: users.email,
      displayName: users.displayName,
      role: roleAssignments.role,
      vaId: roleAssignments.virtualAccountId,
      vaName: virtualAccounts.name,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, roleAssignments.virtualAccountId))
    .where(eq(roleAssignments.smartAccountId, saId))
    .orderBy(asc(users.ccoId), asc(virtualAccounts.name));
  const disabled = new Set(
    (await db.select().from(saUserStatus).where(eq(saUserStatus.smartAccountId, saId))).map((r) => r.userId),
  );
  const byUser = new Map<string, SmartAccountUserRow>();
  for (const r of rows) {
    const row =
      byUser.get(r.userId) ??
      byUser
        .set(r.userId, {
          userId: r.userId,
          ccoId: r.ccoId,
          email: r.email,
          displayName: r.displayName,
          saRole: null,
          vaRoles: [],
          status: disabled.has(r.userId) ? "Disabled" : "Active",
        })
        .get(r.userId)!;
    if (r.vaId) row.vaRoles.push({ virtualAccountId: r.vaId, vaName: r.vaName ?? "", role: r.role as VaRole });
    else row.saRole = r.role as SaRole;
  }
  return [...byUser.values()];
}

/** VAs in which the caller may grant VA roles: all for an SA admin, administered ones for a VA admin. */
export function grantableVaIds(ctx: AccessContext, saId: string, allVaIds: string[]): Set<string> {
  if (saRoleOf(ctx, saId) === "SA_ADMIN") return new Set(allVaIds);
  return new Set(allVaIds.filter((id) => ctx.vaRoles.get(id)?.role === "VA_ADMIN"));
}

async function currentRoles(tx: DbOrTx, saId: string, userId: string): Promise<RoleSet> {
  const rows = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.smartAccountId, saId), eq(roleAssignments.userId, userId)))
    .for("update");
  const set: RoleSet = { saRole: null, va: new Map() };
  for (const r of rows) {
    if (r.virtualAccountId) set.va.set(r.virtualAccountId, r.role as VaRole);
    else set.saRole = r.role as SaRole;
  }
  return set;
}

async function saVaIds(tx: DbOrTx, saId: string): Promise<Map<string, string>> {
  const vas = await tx
    .select({ id: virtualAccounts.id, name: virtualAccounts.name })
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, saId), isNull(virtualAccounts.deletedAt)));
  return new Map(vas.map((v) => [v.id, v.name]));
}

/** Other active administrators, with their rows locked so two removals cannot race (V-3, V-12). */
async function otherActiveAdmins(tx: Tx, saId: string, userId: string): Promise<number> {
  const rows = await tx
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(
      saUserStatus,
      and(eq(saUserStatus.smartAccountId, roleAssignments.smartAccountId), eq(saUserStatus.userId, roleAssignments.userId)),
    )
    .where(
      and(
        eq(roleAssignments.smartAccountId, saId),
        eq(roleAssignments.role, "SA_ADMIN"),
        isNull(roleAssignments.virtualAccountId),
        ne(roleAssignments.userId, userId),
        isNull(users.disabledAt),
        isNull(saUserStatus.userId),
      ),
    )
    .for("update", { of: roleAssignments });
  return rows.length;
}

function requireManager(ctx: AccessContext, saId: string): { isSaAdmin: boolean } {
  assertCan(ctx, "users.manage", { saId });
  return { isSaAdmin: saRoleOf(ctx, saId) === "SA_ADMIN" };
}

/** The role set the caller may produce: a VA admin changes only VA roles on VAs they administer. */
function resolveDesired(
  ctx: AccessContext,
  saId: string,
  isSaAdmin: boolean,
  current: RoleSet,
  wanted: { saRole: SaRole | "NONE"; vaRoles: { virtualAccountId: string; role: VaRole }[] },
  vaNames: Map<string, string>,
): RoleSet {
  const grantable = grantableVaIds(ctx, saId, [...vaNames.keys()]);
  for (const g of wanted.vaRoles) {
    if (!vaNames.has(g.virtualAccountId)) throw new NotFoundError();
  }
  const wantedVa = new Map(wanted.vaRoles.map((g) => [g.virtualAccountId, g.role]));
  const desired: RoleSet = { saRole: isSaAdmin ? (wanted.saRole === "NONE" ? null : wanted.saRole) : current.saRole, va: new Map() };
  for (const vaId of vaNames.keys()) {
    const before = current.va.get(vaId);
    const after = wantedVa.get(vaId);
    if (grantable.has(vaId)) {
      if (after) desired.va.set(vaId, after);
    } else {
      if (after !== undefined && after !== before) throw new ValidationError(MSG.notYourVa);
      if (before) desired.va.set(vaId, before);
    }
  }
  if (!isSaAdmin && wanted.saRole !== "NONE" && wanted.saRole !== current.saRole) throw new ForbiddenError();
  return desired;
}

async function writeRoleChanges(
  tx: Tx,
  actor: Actor,
  saId: string,
  target: { id: string; ccoId: string },
  current: RoleSet,
  desired: RoleSet,
  vaNames: Map<string, string>,
): Promise<void> {
  const at = now();
  const event = (type: "E-50" | "E-51", role: RoleName, vaId: string | null) =>
    recordEvent(tx, {
      type,
      params: { target: target.ccoId, role: ROLE_LABELS[role], onVa: vaId ? ` on "${vaNames.get(vaId)}"` : "" },
      actor,
      smartAccountId: saId,
      occurredAt: at,
    });

  if (current.saRole !== desired.saRole) {
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.smartAccountId, saId), eq(roleAssignments.userId, target.id), isNull(roleAssignments.virtualAccountId)));
    if (current.saRole && !desired.saRole) await event("E-51", current.saRole, null);
    if (desired.saRole) {
      await tx.insert(roleAssignments).values({ userId: target.id, smartAccountId: saId, role: desired.saRole });
      await event("E-50", desired.saRole, null);
    }
  }
  for (const vaId of new Set([...current.va.keys(), ...desired.va.keys()])) {
    const before = current.va.get(vaId);
    const after = desired.va.get(vaId);
    if (before === after) continue;
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.userId, target.id), eq(roleAssignments.virtualAccountId, vaId)));
    if (before && !after) await event("E-51", before, vaId);
    if (after) {
      await tx.insert(roleAssignments).values({ userId: target.id, smartAccountId: saId, virtualAccountId: vaId, role: after });
      await event("E-50", after, vaId);
    }
  }
}

async function guardLastAdmin(tx: Tx, saId: string, userId: string, current: RoleSet, desired: RoleSet) {
  if (current.saRole === "SA_ADMIN" && desired.saRole !== "SA_ADMIN" && (await otherActiveAdmins(tx, saId, userId)) === 0) {
    throw new ValidationError(MSG.lastAdmin);
  }
}

function hasAnyRole(set: RoleSet): boolean {
  return Boolean(set.saRole) || set.va.size > 0;
}

/** W-50 step 1: add an existing user, or (SA admins) create a new one, with SA and/or VA roles. */
export async function addUsers(tx: Tx, ctx: AccessContext, actor: Actor, input: AddUsersInput): Promise<{ userId: string }> {
  const sa = await requireSmartAccount(tx, ctx, input.smartAccountId);
  const { isSaAdmin } = requireManager(ctx, sa.id);
  let target: { id: string; ccoId: string };
  if (input.mode === "new") {
    if (!isSaAdmin) throw new ForbiddenError();
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new ValidationError(MSG.emailTaken, "email");
    const ccoId = await deriveCcoId(tx, input.email);
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, ccoId, displayName: input.name, passwordHash: await hashPassword(input.password), createdAt: now() })
      .returning({ id: users.id, ccoId: users.ccoId });
    target = created;
  } else {
    const login = input.login.trim();
    const [found] = await tx
      .select()
      .from(users)
      .where(or(eq(users.email, login), eq(users.ccoId, login.toLowerCase())));
    if (!found || found.disabledAt) throw new ValidationError(MSG.noUser, "login");
    target = found;
  }
  const vaNames = await saVaIds(tx, sa.id);
  const current = await currentRoles(tx, sa.id, target.id);
  if (hasAnyRole(current)) throw new ValidationError(MSG.alreadyMember, input.mode === "new" ? "email" : "login");
  const desired = resolveDesired(ctx, sa.id, isSaAdmin, current, input, vaNames);
  if (!hasAnyRole(desired)) throw new ValidationError(MSG.needRole);
  await writeRoleChanges(tx, actor, sa.id, target, current, desired, vaNames);
  return { userId: target.id };
}

/** `Edit User`: set the SA role and the VA role table (V-12). */
export async function editUserRoles(tx: Tx, ctx: AccessContext, actor: Actor, input: EditUserInput): Promise<void> {
  const sa = await requireSmartAccount(tx, ctx, input.smartAccountId);
  const { isSaAdmin } = requireManager(ctx, sa.id);
  const target = await memberUser(tx, sa.id, input.userId);
  const vaNames = await saVaIds(tx, sa.id);
  const current = await currentRoles(tx, sa.id, target.id);
  const desired = resolveDesired(ctx, sa.id, isSaAdmin, current, input, vaNames);
  if (!hasAnyRole(desired)) throw new ValidationError(MSG.needRole);
  await guardLastAdmin(tx, sa.id, target.id, current, desired);
  await writeRoleChanges(tx, actor, sa.id, target, current, desired, vaNames);
}

/** `Remove`: an SA admin removes every role in the SA; a VA admin only the roles on their VAs. */
export async function removeUser(tx: Tx, ctx: AccessContext, actor: Actor, input: { smartAccountId: string; userId: string }) {
  const sa = await requireSmartAccount(tx, ctx, input.smartAccountId);
  const { isSaAdmin } = requireManager(ctx, sa.id);
  const target = await memberUser(tx, sa.id, input.userId, { allowDisabled: true });
  const vaNames = await saVaIds(tx, sa.id);
  const current = await currentRoles(tx, sa.id, target.id);
  const grantable = grantableVaIds(ctx, sa.id, [...vaNames.keys()]);
  const desired: RoleSet = isSaAdmin
    ? { saRole: null, va: new Map() }
    : { saRole: current.saRole, va: new Map([...current.va].filter(([vaId]) => !grantable.has(vaId))) };
  if (!isSaAdmin && desired.va.size === current.va.size) throw new ValidationError(MSG.notYourVa);
  await guardLastAdmin(tx, sa.id, target.id, current, desired);
  await writeRoleChanges(tx, actor, sa.id, target, current, desired, vaNames);
  if (!hasAnyRole(desired)) {
    await tx.delete(saUserStatus).where(and(eq(saUserStatus.smartAccountId, sa.id), eq(saUserStatus.userId, target.id)));
  }
}

/** D-3a `Disable` / `Enable` (SA admins only). */
export async function setUserAccess(
  tx: Tx,
  ctx: AccessContext,
  actor: Actor,
  input: { smartAccountId: string; userId: string; enabled: boolean },
) {
  const sa = await requireSmartAccount(tx, ctx, input.smartAccountId);
  if (!requireManager(ctx, sa.id).isSaAdmin) throw new ForbiddenError();
  const target = await memberUser(tx, sa.id, input.userId);
  const [status] = await tx
    .select()
    .from(saUserStatus)
    .where(and(eq(saUserStatus.smartAccountId, sa.id), eq(saUserStatus.userId, target.id)))
    .for("update");
  if (input.enabled === !status) return;
  if (input.enabled) {
    await tx.delete(saUserStatus).where(and(eq(saUserStatus.smartAccountId, sa.id), eq(saUserStatus.userId, target.id)));
  } else {
    const current = await currentRoles(tx, sa.id, target.id);
    await guardLastAdmin(tx, sa.id, target.id, current, { ...current, saRole: null });
    await tx.insert(saUserStatus).values({ smartAccountId: sa.id, userId: target.id, disabledAt: now(), disabledBy: ctx.user.id });
  }
  await recordEvent(tx, {
    type: "E-51a",
    params: { target: target.ccoId, change: input.enabled ? "enabled" : "disabled" },
    actor,
    smartAccountId: sa.id,
  });
}

/** A user holding a role in the SA; V-12 refuses role changes for someone disabled everywhere (D-1). */
async function memberUser(tx: DbOrTx, saId: string, userId: string, opts: { allowDisabled?: boolean } = {}) {
  const [row] = await tx
    .select({ id: users.id, ccoId: users.ccoId, disabledAt: users.disabledAt })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.smartAccountId} = ${saId})`,
      ),
    );
  if (!row) throw new NotFoundError();
  if (row.disabledAt && !opts.allowDisabled) throw new ValidationError(MSG.noUser);
  return row;
}

export async function smartAccountName(db: DbOrTx, saId: string): Promise<string> {
  const [sa] = await db.select({ name: smartAccounts.name }).from(smartAccounts).where(eq(smartAccounts.id, saId));
  return sa?.name ?? "";
}

