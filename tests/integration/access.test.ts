import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roleAssignments, saUserStatus, users } from "@/db/schema";
import {
  type AccessContext,
  accessibleSmartAccounts,
  assertCan,
  can,
  canAccessSmartAccount,
  loadAccess,
  requireSmartAccount,
  requireVirtualAccount,
  saRoleOf,
  seesWholeAccount,
  visibleVirtualAccounts,
} from "@/lib/access/context";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED } from "@/lib/access/errors";
import type { Action } from "@/lib/access/roles";
import { BU_SA, EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const LAB = vaId(EG_SA, "Lab-01");
const BU_DEVICE = vaId(BU_SA, "Device");

const EG_VA_ORDER = [
  "Eg-VA-01",
  "Branch-Routers",
  "CORE TAC",
  "Eg-VA-02",
  "Krakow LAN-SW",
  "Lab-01",
  "MSLA-Utility",
  "OnPrem-Campus",
];

/**
 * The D-3 permission matrix, one column per role (plus Licensing Ops), in the spec's row order.
 * `true` = allowed in the scope tested (for VA roles: inside the VA where the role is held).
 */
const MATRIX: [Action, { SA_ADMIN: boolean; SA_USER: boolean; SA_VIEWER: boolean; VA_ADMIN: boolean; VA_USER: boolean; VA_VIEWER: boolean; OPS: boolean }][] = [
  ["view", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: true, VA_ADMIN: true, VA_USER: true, VA_VIEWER: true, OPS: true }],
  ["token.create", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["token.revoke", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["license.transfer", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["pi.transfer", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["pi.remove", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["usage.upload", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["slac.authorize", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["reservation.manage", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: true, VA_VIEWER: false, OPS: false }],
  ["license.convert", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: true, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["tags.manage", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: false, VA_ADMIN: false, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["va.manage", { SA_ADMIN: true, SA_USER: false, SA_VIEWER: false, VA_ADMIN: false, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["users.manage", { SA_ADMIN: true, SA_USER: false, SA_VIEWER: false, VA_ADMIN: true, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["account.manage", { SA_ADMIN: true, SA_USER: false, SA_VIEWER: false, VA_ADMIN: false, VA_USER: false, VA_VIEWER: false, OPS: false }],
  ["reports.run", { SA_ADMIN: true, SA_USER: true, SA_VIEWER: true, VA_ADMIN: true, VA_USER: true, VA_VIEWER: true, OPS: true }],
];

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back, so the shared demo data stays intact. */
async function inRollback(db: Db, fn: (tx: Db) => Promise<void>): Promise<void> {
  await expect(
    db.transaction(async (tx) => {
      await fn(tx as unknown as Db);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

describe.each(drivers)("D-3 access (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);
  const ctx: Record<string, AccessContext> = {};

  beforeAll(async () => {
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-vauser", "eg-viewer", "lic-ops", "bu-admin"]) {
      const loaded = await loadAccess(db, userId(cco));
      expect(loaded).not.toBeNull();
      ctx[cco] = loaded!;
    }
  });

  it("loads the DD-2 roles into the context", () => {
    expect(ctx["eg-admin"].saRoles).toEqual(new Map([[EG, "SA_ADMIN"], [BU, "SA_USER"]]));
    expect(ctx["eg-admin"].vaRoles.size).toBe(0);
    expect(ctx["eg-vaadmin"].saRoles.size).toBe(0);
    expect(ctx["eg-vaadmin"].vaRoles).toEqual(
      new Map([
        [VA01, { saId: EG, role: "VA_ADMIN" }],
        [VA02, { saId: EG, role: "VA_ADMIN" }],
      ]),
    );
    expect(ctx["eg-vauser"].vaRoles).toEqual(
      new Map([
        [VA01, { saId: EG, role: "VA_USER" }],
        [KRAKOW, { saId: EG, role: "VA_VIEWER" }],
      ]),
    );
    expect(ctx["lic-ops"].user.licensingOps).toBe(true);
    expect(ctx["lic-ops"].saRoles.size + ctx["lic-ops"].vaRoles.size).toBe(0);
    expect(ctx["bu-admin"].saRoles).toEqual(new Map([[BU, "SA_ADMIN"]]));
    expect(ctx["eg-viewer"].user).toMatchObject({ ccoId: "eg-viewer", email: "viewer@example.com", displayName: "Eg Viewer" });
  });

  describe("the permission matrix, one demo user per role", () => {
    // [role column, user, scope where the role applies]
    const columns = [
      ["SA_ADMIN", "eg-admin", { saId: EG, vaId: VA01 }],
      ["SA_USER", "eg-admin", { saId: BU, vaId: BU_DEVICE }],
      ["SA_VIEWER", "eg-viewer", { saId: EG, vaId: VA01 }],
      ["VA_ADMIN", "eg-vaadmin", { saId: EG, vaId: VA01 }],
      ["VA_USER", "eg-vauser", { saId: EG, vaId: VA01 }],
      ["VA_VIEWER", "eg-vauser", { saId: EG, vaId: KRAKOW }],
      ["OPS", "lic-ops", { saId: EG, vaId: VA01 }],
    ] as const;

    for (const [column, cco, scope] of columns) {
      it(`${column} (${cco})`, () => {
        const got = Object.fromEntries(MATRIX.map(([action]) => [action, can(ctx[cco], action, scope)]));
        const want = Object.fromEntries(MATRIX.map(([action, row]) => [action, row[column]]));
        expect(got).toEqual(want);
      });
    }
  });

  it("eg-viewer can view but not create tokens (V-2 Forbidden, not NotFound)", () => {
    const viewer = ctx["eg-viewer"];
    expect(can(viewer, "view", { saId: EG })).toBe(true);
    expect(can(viewer, "view", { saId: EG, vaId: LAB })).toBe(true);
    expect(() => assertCan(viewer, "view", { saId: EG, vaId: VA02 })).not.toThrow();
    const err = errorOf(() => assertCan(viewer, "token.create", { saId: EG, vaId: VA01 }));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toBe(PERMISSION_DENIED);
    expect(PERMISSION_DENIED).toBe("You do not have permission to perform this action.");
    expect(seesWholeAccount(viewer, EG)).toBe(true);
    expect(saRoleOf(viewer, EG)).toBe("SA_VIEWER");
  });

  it("eg-vauser can upload usage in Eg-VA-01 only, and never revoke tokens", () => {
    const u = ctx["eg-vauser"];
    expect(can(u, "usage.upload", { saId: EG, vaId: VA01 })).toBe(true);
    expect(can(u, "usage.upload", { saId: EG, vaId: VA02 })).toBe(false);
    expect(can(u, "usage.upload", { saId: EG, vaId: KRAKOW })).toBe(false);
    expect(can(u, "token.revoke", { saId: EG, vaId: VA01 })).toBe(false);
    expect(can(u, "view", { saId: EG, vaId: KRAKOW })).toBe(true);
    expect(can(u, "view", { saId: EG, vaId: VA02 })).toBe(false);
    expect(errorOf(() => assertCan(u, "usage.upload", { saId: EG, vaId: VA02 }))).toBeInstanceOf(ForbiddenError);
    expect(errorOf(() => assertCan(u, "token.revoke", { saId: EG, vaId: VA01 }))).toBeInstanceOf(ForbiddenError);
    // A VA id of another SA grants nothing, even if the role map had it.
    expect(can(u, "usage.upload", { saId: BU, vaId: VA01 })).toBe(false);
    expect(seesWholeAccount(u, EG)).toBe(false);
    expect(saRoleOf(u, EG)).toBeUndefined();
  });

  it("eg-vaadmin transfers licenses and manages users only in the VAs they administer", () => {
    const a = ctx["eg-vaadmin"];
    expect(can(a, "license.transfer", { saId: EG, vaId: VA01 })).toBe(true);
    expect(can(a, "license.transfer", { saId: EG, vaId: VA02 })).toBe(true);
    expect(can(a, "license.transfer", { saId: EG, vaId: KRAKOW })).toBe(false);
    expect(can(a, "users.manage", { saId: EG, vaId: VA01 })).toBe(true);
    expect(can(a, "users.manage", { saId: EG, vaId: LAB })).toBe(false);
    expect(can(a, "va.manage", { saId: EG })).toBe(false);
    expect(can(a, "tags.manage", { saId: EG })).toBe(false);
    expect(errorOf(() => assertCan(a, "license.transfer", { saId: EG, vaId: LAB }))).toBeInstanceOf(ForbiddenError);
  });

  it("lic-ops reads every Smart Account but cannot change anything", async () => {
    const ops = ctx["lic-ops"];
    expect(canAccessSmartAccount(ops, EG)).toBe(true);
    expect(canAccessSmartAccount(ops, BU)).toBe(true);
    expect((await accessibleSmartAccounts(db, ops)).map((s) => s.name)).toEqual([BU_SA, EG_SA]);
    for (const [sa, va] of [[EG, VA01], [EG, LAB], [BU, BU_DEVICE]]) {
      expect(can(ops, "view", { saId: sa, vaId: va })).toBe(true);
      expect(can(ops, "reports.run", { saId: sa, vaId: va })).toBe(true);
      for (const action of ["token.create", "license.transfer", "usage.upload", "va.manage", "users.manage", "tags.manage"] as const) {
        expect({ action, sa, ok: can(ops, action, { saId: sa, vaId: va }) }).toEqual({ action, sa, ok: false });
        expect(errorOf(() => assertCan(ops, action, { saId: sa, vaId: va }))).toBeInstanceOf(ForbiddenError);
      }
    }
    expect((await visibleVirtualAccounts(db, ops, EG)).map((v) => v.name)).toEqual(EG_VA_ORDER);
    expect((await requireVirtualAccount(db, ops, LAB)).name).toBe("Lab-01");
  });

  it("bu-admin cannot reach Eg-SA-01 at all: NotFound, never Forbidden", async () => {
    const bu = ctx["bu-admin"];
    expect(canAccessSmartAccount(bu, EG)).toBe(false);
    for (const action of ["view", "reports.run", "token.create", "users.manage"] as const) {
      const err = errorOf(() => assertCan(bu, action, { saId: EG, vaId: VA01 }));
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).not.toBeInstanceOf(ForbiddenError);
    }
    await expect(requireSmartAccount(db, bu, EG)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireVirtualAccount(db, bu, VA01)).rejects.toBeInstanceOf(NotFoundError);
    expect(await visibleVirtualAccounts(db, bu, EG)).toEqual([]);
    expect((await accessibleSmartAccounts(db, bu)).map((s) => s.name)).toEqual([BU_SA]);
    // …while their own account is fully theirs.
    expect(can(bu, "va.manage", { saId: BU })).toBe(true);
    expect((await visibleVirtualAccounts(db, bu, BU)).map((v) => v.name)).toEqual(["DEFAULT", "Device"]);
  });

  it("an unknown Smart Account or VA is not found", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(requireSmartAccount(db, ctx["eg-admin"], missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireVirtualAccount(db, ctx["eg-admin"], missing)).rejects.toBeInstanceOf(NotFoundError);
    expect(errorOf(() => assertCan(ctx["eg-admin"], "view", { saId: missing }))).toBeInstanceOf(NotFoundError);
    expect(await loadAccess(db, missing)).toBeNull();
  });

  it("eg-admin is SA admin of Eg-SA-01 and only SA user of BU Production Test", async () => {
    const a = ctx["eg-admin"];
    expect(can(a, "va.manage", { saId: EG })).toBe(true);
    expect(can(a, "users.manage", { saId: EG })).toBe(true);
    expect(can(a, "va.manage", { saId: BU })).toBe(false);
    expect(can(a, "users.manage", { saId: BU })).toBe(false);
    expect(can(a, "tags.manage", { saId: BU })).toBe(true);
    expect(errorOf(() => assertCan(a, "users.manage", { saId: BU }))).toBeInstanceOf(ForbiddenError);
    expect((await accessibleSmartAccounts(db, a)).map((s) => s.name)).toEqual([BU_SA, EG_SA]);
    expect((await visibleVirtualAccounts(db, a, EG)).map((v) => v.name)).toEqual(EG_VA_ORDER);
  });

  it("visibleVirtualAccounts of VA-scope users lists only their VAs, default first", async () => {
    expect((await visibleVirtualAccounts(db, ctx["eg-vauser"], EG)).map((v) => v.name)).toEqual(["Eg-VA-01", "Krakow LAN-SW"]);
    expect((await visibleVirtualAccounts(db, ctx["eg-vaadmin"], EG)).map((v) => v.name)).toEqual(["Eg-VA-01", "Eg-VA-02"]);
    expect(await visibleVirtualAccounts(db, ctx["eg-vaadmin"], BU)).toEqual([]);
    expect((await requireVirtualAccount(db, ctx["eg-vauser"], KRAKOW)).name).toBe("Krakow LAN-SW");
    await expect(requireVirtualAccount(db, ctx["eg-vauser"], VA02)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireVirtualAccount(db, ctx["eg-vaadmin"], LAB)).rejects.toBeInstanceOf(NotFoundError);
    expect((await accessibleSmartAccounts(db, ctx["eg-vauser"])).map((s) => s.name)).toEqual([EG_SA]);
  });

  it("the effective right in a VA is the higher of the SA role and the VA role", async () => {
    await inRollback(db, async (tx) => {
      await tx.insert(roleAssignments).values({ userId: userId("eg-viewer"), smartAccountId: EG, virtualAccountId: LAB, role: "VA_ADMIN" });
      const viewer = (await loadAccess(tx, userId("eg-viewer")))!;
      expect(can(viewer, "token.revoke", { saId: EG, vaId: LAB })).toBe(true);
      expect(can(viewer, "license.transfer", { saId: EG, vaId: LAB })).toBe(true);
      expect(can(viewer, "token.revoke", { saId: EG, vaId: VA01 })).toBe(false);
      expect(can(viewer, "view", { saId: EG, vaId: VA01 })).toBe(true);
      // An SA viewer still sees every VA.
      expect((await visibleVirtualAccounts(tx, viewer, EG)).map((v) => v.name)).toEqual(EG_VA_ORDER);
    });
    expect(await db.$count(roleAssignments, eq(roleAssignments.userId, userId("eg-viewer")))).toBe(1);
  });

  it("a user disabled in one Smart Account (D-3a) loses that account only", async () => {
    await inRollback(db, async (tx) => {
      await tx.insert(saUserStatus).values({ smartAccountId: BU, userId: userId("eg-admin"), disabledAt: T0, disabledBy: userId("bu-admin") });
      const a = (await loadAccess(tx, userId("eg-admin")))!;
      expect(a.disabledIn).toEqual(new Set([BU]));
      // The D-3 rows are kept…
      expect(a.saRoles.get(BU)).toBe("SA_USER");
      // …but grant nothing in BU.
      expect(canAccessSmartAccount(a, BU)).toBe(false);
      expect(saRoleOf(a, BU)).toBeUndefined();
      expect(can(a, "view", { saId: BU })).toBe(false);
      expect(errorOf(() => assertCan(a, "view", { saId: BU, vaId: BU_DEVICE }))).toBeInstanceOf(NotFoundError);
      await expect(requireSmartAccount(tx, a, BU)).rejects.toBeInstanceOf(NotFoundError);
      await expect(requireVirtualAccount(tx, a, BU_DEVICE)).rejects.toBeInstanceOf(NotFoundError);
      expect(await visibleVirtualAccounts(tx, a, BU)).toEqual([]);
      expect((await accessibleSmartAccounts(tx, a)).map((s) => s.name)).toEqual([EG_SA]);
      // Eg-SA-01 is unaffected.
      expect(canAccessSmartAccount(a, EG)).toBe(true);
      expect(can(a, "va.manage", { saId: EG })).toBe(true);
      expect(saRoleOf(a, EG)).toBe("SA_ADMIN");
    });
  });

  it("a VA-scope user disabled in the SA loses their VAs there too", async () => {
    await inRollback(db, async (tx) => {
      await tx.insert(saUserStatus).values({ smartAccountId: EG, userId: userId("eg-vauser"), disabledAt: T0, disabledBy: userId("eg-admin") });
      const u = (await loadAccess(tx, userId("eg-vauser")))!;
      expect(canAccessSmartAccount(u, EG)).toBe(false);
      expect(can(u, "usage.upload", { saId: EG, vaId: VA01 })).toBe(false);
      expect(errorOf(() => assertCan(u, "view", { saId: EG, vaId: VA01 }))).toBeInstanceOf(NotFoundError);
      await expect(requireVirtualAccount(tx, u, VA01)).rejects.toBeInstanceOf(NotFoundError);
      expect(await visibleVirtualAccounts(tx, u, EG)).toEqual([]);
      expect(await accessibleSmartAccounts(tx, u)).toEqual([]);
    });
  });

  it("a user disabled everywhere (D-1 disabled_at) has no access context", async () => {
    await inRollback(db, async (tx) => {
      await tx.update(users).set({ disabledAt: T0 }).where(eq(users.id, userId("eg-viewer")));
      expect(await loadAccess(tx, userId("eg-viewer"))).toBeNull();
      expect(await loadAccess(tx, userId("eg-admin"))).not.toBeNull();
    });
    expect(await loadAccess(db, userId("eg-viewer"))).not.toBeNull();
    const [status] = await db
      .select()
      .from(saUserStatus)
      .where(and(eq(saUserStatus.smartAccountId, EG), eq(saUserStatus.userId, userId("eg-vauser"))));
    expect(status).toBeUndefined();
  });
});
