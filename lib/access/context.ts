import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { roleAssignments, saUserStatus, smartAccounts, users, virtualAccounts, type RoleName } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "./errors";
import { type Action, PERMISSIONS } from "./roles";

export type SessionUser = {
  id: string;
  email: string;
  ccoId: string;
  displayName: string;
  licensingOps: boolean;
};

/** What one user may reach: loaded once per request from D-1, D-3 and D-3a. */
export type AccessContext = {
  user: SessionUser;
  /** SA id → the user's SA-scope role. */
  saRoles: Map<string, RoleName>;
  /** VA id → { SA id, the user's VA-scope role }. */
  vaRoles: Map<string, { saId: string; role: RoleName }>;
  /** SAs where an administrator disabled this user's access (D-3a). */
  disabledIn: Set<string>;
};

export async function loadAccess(db: DbOrTx, userId: string): Promise<AccessContext | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
  const disabled = await db.select().from(saUserStatus).where(eq(saUserStatus.userId, userId));
  const ctx: AccessContext = {
    user: {
      id: user.id,
      email: user.email,
      ccoId: user.ccoId,
      displayName: user.displayName,
      licensingOps: user.licensingOps,
    },
    saRoles: new Map(),
    vaRoles: new Map(),
    disabledIn: new Set(disabled.map((d) => d.smartAccountId)),
  };
  for (const r of roles) {
    if (r.virtualAccountId) ctx.vaRoles.set(r.virtualAccountId, { saId: r.smartAccountId, role: r.role });
    else ctx.saRoles.set(r.smartAccountId, r.role);
  }
  return ctx;
}

function memberOf(ctx: AccessContext, saId: string): boolean {
  if (ctx.disabledIn.has(saId)) return false;
  if (ctx.saRoles.has(saId)) return true;
  for (const va of ctx.vaRoles.values()) if (va.saId === saId) return true;
  return false;
}

/** D-3: an SA is accessible to its members (unless disabled) and, read-only, to Licensing Operations. */
export function canAccessSmartAccount(ctx: AccessContext, saId: string): boolean {
  return ctx.user.licensingOps || memberOf(ctx, saId);
}

/** The roles that count for `scope`: the SA role, plus the VA's role (or every VA role when no VA is named). */
function rolesIn(ctx: AccessContext, scope: { saId: string; vaId?: string | null }): RoleName[] {
  if (!memberOf(ctx, scope.saId)) return [];
  const roles: RoleName[] = [];
  const saRole = ctx.saRoles.get(scope.saId);
  if (saRole) roles.push(saRole);
  if (scope.vaId) {
    const va = ctx.vaRoles.get(scope.vaId);
    if (va && va.saId === scope.saId) roles.push(va.role);
  } else {
    for (const va of ctx.vaRoles.values()) if (va.saId === scope.saId) roles.push(va.role);
  }
  return roles;
}

export function can(ctx: AccessContext, action: Action, scope: { saId: string; vaId?: string | null }): boolean {
  const rule = PERMISSIONS[action];
  if (ctx.user.licensingOps && "licensingOpsRead" in rule && rule.licensingOpsRead) return true;
  const allowed = rule.roles as readonly RoleName[];
  return rolesIn(ctx, scope).some((r) => allowed.includes(r));
}

/** Throws NotFound for another account's data and Forbidden (V-2) for too low a role. */
export function assertCan(ctx: AccessContext, action: Action, scope: { saId: string; vaId?: string | null }): void {
  if (!canAccessSmartAccount(ctx, scope.saId)) throw new NotFoundError();
  if (!can(ctx, action, scope)) throw new ForbiddenError();
}

export function saRoleOf(ctx: AccessContext, saId: string): RoleName | undefined {
  return memberOf(ctx, saId) ? ctx.saRoles.get(saId) : undefined;
}

/** True when the user holds an SA-scope role there (sees every VA of the SA). */
export function seesWholeAccount(ctx: AccessContext, saId: string): boolean {
  return ctx.user.licensingOps || Boolean(saRoleOf(ctx, saId));
}

export type AccessibleSmartAccount = typeof smartAccounts.$inferSelect & { roleLabel: string };

export async function accessibleSmartAccounts(db: DbOrTx, ctx: AccessContext) {
  const all = await db.select().from(smartAccounts).orderBy(asc(smartAccounts.name));
  return all.filter((sa) => canAccessSmartAccount(ctx, sa.id));
}

/** VAs of an SA that the user can see (D-3), default first, then by name. */
export async function visibleVirtualAccounts(db: DbOrTx, ctx: AccessContext, saId: string) {
  if (!canAccessSmartAccount(ctx, saId)) return [];
  const vas = await db
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.smartAccountId, saId), isNull(virtualAccounts.deletedAt)));
  const visible = seesWholeAccount(ctx, saId) ? vas : vas.filter((va) => ctx.vaRoles.has(va.id));
  return visible.sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
  );
}

/** Loads a VA and checks it belongs to an SA the user can access; otherwise not found. */
export async function requireVirtualAccount(db: DbOrTx, ctx: AccessContext, vaId: string) {
  const [va] = await db
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, vaId), isNull(virtualAccounts.deletedAt)));
  if (!va || !canAccessSmartAccount(ctx, va.smartAccountId)) throw new NotFoundError();
  if (!seesWholeAccount(ctx, va.smartAccountId) && !ctx.vaRoles.has(va.id)) throw new NotFoundError();
  return va;
}

export async function requireSmartAccount(db: DbOrTx, ctx: AccessContext, saId: string) {
  const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, saId));
  if (!sa || !canAccessSmartAccount(ctx, sa.id)) throw new NotFoundError();
  return sa;
}

export async function usersById(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof users.$inferSelect>();
  const rows = await db.select().from(users).where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u]));
}
