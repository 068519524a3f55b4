import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, roleAssignments, saUserStatus, users } from "@/db/schema";
import { canAccessSmartAccount, loadAccess, visibleVirtualAccounts } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { addUsersSchema, editUserSchema, type AddUsersInput, type EditUserInput } from "@/lib/accounts/schemas";
import { addUsers, editUserRoles, listSmartAccountUsers, MSG, removeUser, setUserAccess } from "@/lib/accounts/users";
import { verifyPassword } from "@/lib/auth/password";
import { BU_SA, EG_SA, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { drivers } from "@/tests/helpers/db";
import { T0, type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const LAB = vaId(EG_SA, "Lab-01");
const BU_DEVICE = vaId(BU_SA, "Device");

/** Extra users, outside every Smart Account, inserted next to the demo data. */
const EXTRA = ["alice", "bob", "carol", "gone"] as const;
const extraId = (cco: string) => `00000000-0000-4000-8000-${String(EXTRA.indexOf(cco as never) + 1).padStart(12, "0")}`;

describe.each(drivers)("W-50 manage users (%s)", (driver) => {
  const idOf = (cco: string) => ((EXTRA as readonly string[]).includes(cco) ? extraId(cco) : userId(cco));
  const { db, ctxOf, as, refusals } = useDemoDatabase(driver, { userIdOf: idOf });

  async function snapshot() {
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return {
      roles: sorted(await db.select().from(roleAssignments)),
      status: sorted(await db.select().from(saUserStatus)),
      users: sorted(await db.select().from(users)),
      events: await db.$count(events),
    };
  }

  /** Expects the operation to fail with `type` (and `message`) and to leave every row as it was. */
  const expectRefused = refusals(snapshot);

  async function lastEventId(): Promise<number> {
    const [row] = await db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
    return row?.id ?? 0;
  }
  async function eventsAfter(id: number) {
    return db.select().from(events).where(gt(events.id, id)).orderBy(asc(events.id));
  }

  async function rolesOf(cco: string, sa = EG): Promise<string[]> {
    const rows = await db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, idOf(cco)), eq(roleAssignments.smartAccountId, sa)));
    const names = new Map([[VA01, "Eg-VA-01"], [VA02, "Eg-VA-02"], [KRAKOW, "Krakow LAN-SW"], [LAB, "Lab-01"]]);
    return rows.map((r) => (r.virtualAccountId ? `${names.get(r.virtualAccountId) ?? r.virtualAccountId}:${r.role}` : r.role)).sort();
  }

  const add = (input: Record<string, unknown>): Op => (tx, ctx, actor) =>
    addUsers(tx, ctx, actor, addUsersSchema.parse({ smartAccountId: EG, ...input }) as AddUsersInput);
  const edit = (cco: string, saRole: string, vaRoles: { virtualAccountId: string; role: string }[], sa = EG): Op => (tx, ctx, actor) =>
    editUserRoles(tx, ctx, actor, editUserSchema.parse({ smartAccountId: sa, userId: idOf(cco), saRole, vaRoles }) as EditUserInput);
  const remove = (cco: string, sa = EG): Op => (tx, ctx, actor) => removeUser(tx, ctx, actor, { smartAccountId: sa, userId: idOf(cco) });
  const access = (cco: string, enabled: boolean, sa = EG): Op => (tx, ctx, actor) =>
    setUserAccess(tx, ctx, actor, { smartAccountId: sa, userId: idOf(cco), enabled });

  beforeAll(async () => {
    await db.insert(users).values(
      EXTRA.map((cco) => ({
        id: extraId(cco),
        email: `${cco}@example.org`,
        ccoId: cco,
        displayName: cco[0].toUpperCase() + cco.slice(1),
        passwordHash: null,
        createdAt: T0,
        disabledAt: cco === "gone" ? T0 : null,
      })),
    );
  });

  it("lists the users of Eg-SA-01 by CCO id (S-33)", async () => {
    const simplify = (rows: Awaited<ReturnType<typeof listSmartAccountUsers>>) =>
      rows.map((r) => ({ ccoId: r.ccoId, saRole: r.saRole, va: r.vaRoles.map((v) => `${v.vaName}:${v.role}`), status: r.status }));
    const expected = [
      { ccoId: "eg-admin", saRole: "SA_ADMIN", va: [], status: "Active" },
      { ccoId: "eg-vaadmin", saRole: null, va: ["Eg-VA-01:VA_ADMIN", "Eg-VA-02:VA_ADMIN"], status: "Active" },
      { ccoId: "eg-vauser", saRole: null, va: ["Eg-VA-01:VA_USER", "Krakow LAN-SW:VA_VIEWER"], status: "Active" },
      { ccoId: "eg-viewer", saRole: "SA_VIEWER", va: [], status: "Active" },
    ];
    expect(simplify(await listSmartAccountUsers(db, await ctxOf("eg-admin"), EG))).toEqual(expected);
    expect(simplify(await listSmartAccountUsers(db, await ctxOf("eg-viewer"), EG))).toEqual(expected);
    const [admin] = await listSmartAccountUsers(db, await ctxOf("eg-admin"), EG);
    expect(admin).toMatchObject({ email: "admin@example.com", displayName: "Eg Admin", userId: userId("eg-admin") });
    await expect(listSmartAccountUsers(db, await ctxOf("bu-admin"), EG)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an SA admin adds an existing user with VA roles; E-50 per role; the user's name and password stay", async () => {
    const [before] = await db.select().from(users).where(eq(users.id, userId("bu-admin")));
    const since = await lastEventId();
    const result = await as(
      "eg-admin",
      add({
        mode: "existing",
        login: "BU.Admin@Example.com",
        saRole: "NONE",
        vaRoles: [
          { virtualAccountId: LAB, role: "VA_USER" },
          { virtualAccountId: VA02, role: "VA_VIEWER" },
        ],
      }),
    );
    expect(result).toEqual({ userId: userId("bu-admin") });
    expect(await rolesOf("bu-admin")).toEqual(["Eg-VA-02:VA_VIEWER", "Lab-01:VA_USER"]);
    expect(await rolesOf("bu-admin", BU)).toEqual(["SA_ADMIN"]);

    const written = await eventsAfter(since);
    expect(written.map((e) => e.message).sort()).toEqual([
      'bu-admin was given the role Virtual Account User on "Lab-01".',
      'bu-admin was given the role Virtual Account Viewer on "Eg-VA-02".',
    ]);
    for (const e of written) {
      expect(e).toMatchObject({
        type: "E-50",
        category: "Accounts & Users",
        smartAccountId: EG,
        userId: userId("eg-admin"),
        actorLabel: "eg-admin",
        shownIn: ["SA"],
      });
    }

    const [after] = await db.select().from(users).where(eq(users.id, userId("bu-admin")));
    expect(after).toEqual(before);
    const bu = await ctxOf("bu-admin");
    expect(canAccessSmartAccount(bu, EG)).toBe(true);
    expect((await visibleVirtualAccounts(db, bu, EG)).map((v) => v.name)).toEqual(["Eg-VA-02", "Lab-01"]);
  });

  it("finds an existing user by CCO id, ignoring case and spaces", async () => {
    const since = await lastEventId();
    await as("eg-admin", add({ mode: "existing", login: "  ALICE ", saRole: "SA_USER" }));
    expect(await rolesOf("alice")).toEqual(["SA_USER"]);
    expect((await eventsAfter(since)).map((e) => e.message)).toEqual(["alice was given the role Smart Account User."]);
  });

  it("editing roles writes E-50 only for what changed", async () => {
    const since = await lastEventId();
    await as("eg-admin", edit("eg-viewer", "SA_VIEWER", [{ virtualAccountId: LAB, role: "VA_USER" }]));
    expect(await rolesOf("eg-viewer")).toEqual(["Lab-01:VA_USER", "SA_VIEWER"]);
    const written = await eventsAfter(since);
    expect(written.map((e) => e.message)).toEqual(['eg-viewer was given the role Virtual Account User on "Lab-01".']);
    expect(written[0]).toMatchObject({ type: "E-50", actorLabel: "eg-admin", smartAccountId: EG });
  });

  it("changing a role writes E-50 (granted or changed) for the new one", async () => {
    const since = await lastEventId();
    await as("eg-admin", edit("eg-viewer", "SA_USER", [{ virtualAccountId: LAB, role: "VA_ADMIN" }]));
    expect(await rolesOf("eg-viewer")).toEqual(["Lab-01:VA_ADMIN", "SA_USER"]);
    expect((await eventsAfter(since)).map((e) => `${e.type} ${e.message}`)).toEqual([
      "E-50 eg-viewer was given the role Smart Account User.",
      'E-50 eg-viewer was given the role Virtual Account Administrator on "Lab-01".',
    ]);
    // Back to the demo role plus the Lab-01 VA user role.
    await as("eg-admin", edit("eg-viewer", "SA_VIEWER", [{ virtualAccountId: LAB, role: "VA_USER" }]));
    expect(await rolesOf("eg-viewer")).toEqual(["Lab-01:VA_USER", "SA_VIEWER"]);
  });

  it("an SA admin creates a new user with a derived CCO id and a working password", async () => {
    const since = await lastEventId();
    const { userId: created } = (await as(
      "eg-admin",
      add({ mode: "new", email: "New.Person+Lab@Example.com", name: "New Person", password: "Initial-Pass-1", saRole: "SA_USER" }),
    )) as { userId: string };
    const [u] = await db.select().from(users).where(eq(users.id, created));
    expect(u).toMatchObject({
      email: "new.person+lab@example.com",
      ccoId: "new.person-lab",
      displayName: "New Person",
      licensingOps: false,
      disabledAt: null,
    });
    expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Initial-Pass-1", u.passwordHash)).toBe(true);
    expect(await verifyPassword("initial-pass-1", u.passwordHash)).toBe(false);
    expect((await eventsAfter(since)).map((e) => e.message)).toEqual(["new.person-lab was given the role Smart Account User."]);
    const ctx = await loadAccess(db, created);
    expect(ctx && canAccessSmartAccount(ctx, EG)).toBe(true);
    expect(ctx && canAccessSmartAccount(ctx, BU)).toBe(false);
  });

  it("adds -2 to a derived CCO id that is taken, and to one shorter than 3 characters", async () => {
    await as("eg-admin", add({ mode: "new", email: "eg-admin@other.example", name: "Second Admin", password: "password-2", vaRoles: [{ virtualAccountId: LAB, role: "VA_VIEWER" }] }));
    await as("eg-admin", add({ mode: "new", email: "ab@other.example", name: "AB", password: "password-3", vaRoles: [{ virtualAccountId: LAB, role: "VA_VIEWER" }] }));
    const rows = await db.select({ email: users.email, ccoId: users.ccoId }).from(users);
    expect(rows.find((r) => r.email === "eg-admin@other.example")?.ccoId).toBe("eg-admin-2");
    expect(rows.find((r) => r.email === "ab@other.example")?.ccoId).toBe("ab-2");
    expect(await rolesOf("eg-admin")).toEqual(["SA_ADMIN"]);
  });

  it("refuses a new user whose email exists (V-12a), in any case", async () => {
    for (const email of ["viewer@example.com", "Viewer@Example.COM"]) {
      const err = await expectRefused(
        "eg-admin",
        add({ mode: "new", email, name: "Someone", password: "long-enough", saRole: "SA_VIEWER" }),
        ValidationError,
        "A user with this email already exists. Choose Existing User.",
      );
      expect((err as ValidationError).field).toBe("email");
    }
    // Straight to the domain function, without the schema's lower-casing (citext compares case-insensitively).
    await expectRefused(
      "eg-admin",
      (tx, ctx, actor) =>
        addUsers(tx, ctx, actor, { mode: "new", smartAccountId: EG, email: "VIEWER@example.com", name: "X", password: "long-enough", saRole: "SA_VIEWER", vaRoles: [] }),
      ValidationError,
      MSG.emailTaken,
    );
  });

  it("checks the New User fields with the V-12a messages", () => {
    const base = { mode: "new", smartAccountId: EG, email: "ok@example.org", name: "Ok", password: "12345678" };
    const message = (input: Record<string, unknown>) => {
      const r = addUsersSchema.safeParse({ ...base, ...input });
      return r.success ? "ok" : r.error.issues[0].message;
    };
    expect(message({})).toBe("ok");
    expect(message({ email: "not-an-email" })).toBe("Enter a valid email address.");
    expect(message({ name: "" })).toBe("Name must be 1 to 80 characters.");
    expect(message({ name: "   " })).toBe("Name must be 1 to 80 characters.");
    expect(message({ name: "n".repeat(81) })).toBe("Name must be 1 to 80 characters.");
    expect(message({ name: "n".repeat(80) })).toBe("ok");
    expect(message({ password: "1234567" })).toBe("Password must be 8 to 128 characters.");
    expect(message({ password: "p".repeat(129) })).toBe("Password must be 8 to 128 characters.");
    expect(message({ password: "p".repeat(128) })).toBe("ok");
  });

  it("refuses an existing user who is unknown or disabled (V-12)", async () => {
    for (const login of ["nobody@example.com", "nobody", "gone", "gone@example.org"]) {
      const err = await expectRefused(
        "eg-admin",
        add({ mode: "existing", login, saRole: "SA_VIEWER" }),
        ValidationError,
        "No user found with that email or username.",
      );
      expect((err as ValidationError).field).toBe("login");
    }
  });

  it("refuses to change the roles or the access of a user disabled everywhere (V-12), but lets them be removed", async () => {
    await db.update(users).set({ disabledAt: T0 }).where(eq(users.id, userId("eg-viewer")));
    try {
      await expectRefused("eg-admin", edit("eg-viewer", "SA_USER", []), ValidationError, "No user found with that email or username.");
      await expectRefused(
        "eg-admin",
        (tx, ctx, actor) => setUserAccess(tx, ctx, actor, { smartAccountId: EG, userId: userId("eg-viewer"), enabled: false }),
        ValidationError,
        "No user found with that email or username.",
      );
    } finally {
      await db.update(users).set({ disabledAt: null }).where(eq(users.id, userId("eg-viewer")));
    }
  });

  it("refuses to add a user who already belongs to the Smart Account", async () => {
    await expectRefused("eg-admin", add({ mode: "existing", login: "eg-viewer", saRole: "SA_USER" }), ValidationError, MSG.alreadyMember);
  });

  it("refuses role None without a VA role (V-12), also for a new user, creating nothing", async () => {
    const needRole = "Give the user a Smart Account role or at least one virtual account role.";
    await expectRefused("eg-admin", add({ mode: "existing", login: "bob", saRole: "NONE", vaRoles: [] }), ValidationError, needRole);
    await expectRefused("eg-admin", add({ mode: "new", email: "norole@example.org", name: "No Role", password: "long-enough" }), ValidationError, needRole);
    await expectRefused("eg-admin", edit("eg-viewer", "NONE", []), ValidationError, needRole);
    expect(await db.$count(users, eq(users.email, "norole@example.org"))).toBe(0);
  });

  it("refuses a VA of another Smart Account as not found", async () => {
    await expectRefused("eg-admin", add({ mode: "existing", login: "bob", vaRoles: [{ virtualAccountId: BU_DEVICE, role: "VA_USER" }] }), NotFoundError);
    await expectRefused("eg-admin", edit("eg-viewer", "SA_VIEWER", [{ virtualAccountId: BU_DEVICE, role: "VA_USER" }]), NotFoundError);
  });

  it("refuses to edit or remove someone who is not a member", async () => {
    await expectRefused("eg-admin", edit("lic-ops", "SA_VIEWER", []), NotFoundError);
    await expectRefused("eg-admin", remove("carol"), NotFoundError);
    await expectRefused("eg-admin", access("carol", false), NotFoundError);
  });

  describe("a VA admin (eg-vaadmin)", () => {
    it("grants VA roles on Eg-VA-01 and Eg-VA-02", async () => {
      const since = await lastEventId();
      await as(
        "eg-vaadmin",
        add({
          mode: "existing",
          login: "bob@example.org",
          vaRoles: [
            { virtualAccountId: VA01, role: "VA_USER" },
            { virtualAccountId: VA02, role: "VA_ADMIN" },
          ],
        }),
      );
      expect(await rolesOf("bob")).toEqual(["Eg-VA-01:VA_USER", "Eg-VA-02:VA_ADMIN"]);
      const written = await eventsAfter(since);
      expect(written.map((e) => e.message).sort()).toEqual([
        'bob was given the role Virtual Account Administrator on "Eg-VA-02".',
        'bob was given the role Virtual Account User on "Eg-VA-01".',
      ]);
      expect(written.every((e) => e.actorLabel === "eg-vaadmin" && e.userId === userId("eg-vaadmin"))).toBe(true);
    });

    it("cannot assign roles on another VA", async () => {
      for (const va of [LAB, KRAKOW]) {
        await expectRefused(
          "eg-vaadmin",
          add({ mode: "existing", login: "carol", vaRoles: [{ virtualAccountId: VA01, role: "VA_USER" }, { virtualAccountId: va, role: "VA_VIEWER" }] }),
          ValidationError,
          "You can only assign roles on virtual accounts you administer.",
        );
      }
      await expectRefused("eg-vaadmin", edit("eg-vauser", "NONE", [{ virtualAccountId: VA01, role: "VA_USER" }, { virtualAccountId: KRAKOW, role: "VA_ADMIN" }]), ValidationError, MSG.notYourVa);
    });

    it("cannot give a Smart Account role", async () => {
      await expectRefused("eg-vaadmin", add({ mode: "existing", login: "carol", saRole: "SA_USER", vaRoles: [{ virtualAccountId: VA01, role: "VA_USER" }] }), ForbiddenError);
      await expectRefused("eg-vaadmin", edit("eg-viewer", "SA_ADMIN", []), ForbiddenError);
    });

    it("cannot create new users", async () => {
      await expectRefused(
        "eg-vaadmin",
        add({ mode: "new", email: "fresh@example.org", name: "Fresh", password: "long-enough", vaRoles: [{ virtualAccountId: VA01, role: "VA_USER" }] }),
        ForbiddenError,
      );
    });

    it("edits only the roles on their VAs and keeps the others", async () => {
      const since = await lastEventId();
      // Krakow LAN-SW is not in the request: the VA admin cannot see it, so it is kept.
      await as("eg-vaadmin", edit("eg-vauser", "NONE", [{ virtualAccountId: VA01, role: "VA_VIEWER" }]));
      expect(await rolesOf("eg-vauser")).toEqual(["Eg-VA-01:VA_VIEWER", "Krakow LAN-SW:VA_VIEWER"]);
      expect((await eventsAfter(since)).map((e) => e.message)).toEqual([
        'eg-vauser was given the role Virtual Account Viewer on "Eg-VA-01".',
      ]);
      // Keeping the SA role of a user is not a change of it.
      await as("eg-vaadmin", edit("eg-viewer", "SA_VIEWER", [{ virtualAccountId: LAB, role: "VA_USER" }, { virtualAccountId: VA02, role: "VA_VIEWER" }]));
      expect(await rolesOf("eg-viewer")).toEqual(["Eg-VA-02:VA_VIEWER", "Lab-01:VA_USER", "SA_VIEWER"]);
      // Restore the demo roles.
      await as("eg-vaadmin", edit("eg-vauser", "NONE", [{ virtualAccountId: VA01, role: "VA_USER" }]));
      await as("eg-vaadmin", edit("eg-viewer", "NONE", []));
      expect(await rolesOf("eg-vauser")).toEqual(["Eg-VA-01:VA_USER", "Krakow LAN-SW:VA_VIEWER"]);
      expect(await rolesOf("eg-viewer")).toEqual(["Lab-01:VA_USER", "SA_VIEWER"]);
    });

    it("removes only the roles on their VAs", async () => {
      await expectRefused("eg-vaadmin", remove("eg-viewer"), ValidationError, MSG.notYourVa);
      const since = await lastEventId();
      await as("eg-vaadmin", remove("bob"));
      expect(await rolesOf("bob")).toEqual([]);
      expect((await eventsAfter(since)).map((e) => e.message).sort()).toEqual([
        'bob no longer has the role Virtual Account Administrator on "Eg-VA-02".',
        'bob no longer has the role Virtual Account User on "Eg-VA-01".',
      ]);
      // Re-add bob with roles inside and outside eg-vaadmin's VAs.
      await as("eg-admin", add({ mode: "existing", login: "bob", vaRoles: [{ virtualAccountId: VA01, role: "VA_USER" }, { virtualAccountId: LAB, role: "VA_USER" }] }));
      await as("eg-vaadmin", remove("bob"));
      expect(await rolesOf("bob")).toEqual(["Lab-01:VA_USER"]);
    });

    it("cannot disable or enable users", async () => {
      await expectRefused("eg-vaadmin", access("bob", false), ForbiddenError);
    });
  });

  describe("the last Smart Account administrator (V-12)", () => {
    const lastAdmin = "A Smart Account must keep at least one administrator.";

    it("cannot lose the role, be removed or be disabled", async () => {
      await expectRefused("eg-admin", edit("eg-admin", "SA_USER", []), ValidationError, lastAdmin);
      await expectRefused("eg-admin", edit("eg-admin", "NONE", [{ virtualAccountId: VA01, role: "VA_ADMIN" }]), ValidationError, lastAdmin);
      await expectRefused("eg-admin", remove("eg-admin"), ValidationError, lastAdmin);
      await expectRefused("eg-admin", access("eg-admin", false), ValidationError, lastAdmin);
    });

    it("does not count an administrator who is disabled in the SA or everywhere", async () => {
      await as("eg-admin", edit("alice", "SA_ADMIN", []));
      await as("eg-admin", access("alice", false));
      await expectRefused("eg-admin", edit("eg-admin", "SA_VIEWER", []), ValidationError, lastAdmin);
      await expectRefused("eg-admin", access("eg-admin", false), ValidationError, lastAdmin);
      await as("eg-admin", access("alice", true));

      await db.update(users).set({ disabledAt: T0 }).where(eq(users.id, extraId("alice")));
      await expectRefused("eg-admin", remove("eg-admin"), ValidationError, lastAdmin);
      await db.update(users).set({ disabledAt: null }).where(eq(users.id, extraId("alice")));
    });

    it("can step down once another active administrator exists", async () => {
      const since = await lastEventId();
      await as("eg-admin", edit("eg-admin", "SA_USER", []));
      expect(await rolesOf("eg-admin")).toEqual(["SA_USER"]);
      expect((await eventsAfter(since)).map((e) => e.message)).toEqual(["eg-admin was given the role Smart Account User."]);
      // Now alice is the last one.
      await expectRefused("alice", access("alice", false), ValidationError, lastAdmin);
      await as("alice", edit("eg-admin", "SA_ADMIN", []));
      await as("eg-admin", edit("alice", "SA_USER", []));
      expect(await rolesOf("eg-admin")).toEqual(["SA_ADMIN"]);
      expect(await rolesOf("alice")).toEqual(["SA_USER"]);
    });
  });

  describe("Disable and Enable (D-3a)", () => {
    it("disabling keeps the roles, writes E-51a and cuts access to this SA only", async () => {
      const rolesBefore = await rolesOf("eg-admin", BU);
      const since = await lastEventId();
      await as("eg-admin", access("eg-viewer", false));
      const written = await eventsAfter(since);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({
        type: "E-51a",
        category: "Accounts & Users",
        message: "Access of eg-viewer to this Smart Account was disabled.",
        actorLabel: "eg-admin",
        smartAccountId: EG,
      });
      const [status] = await db.select().from(saUserStatus).where(eq(saUserStatus.userId, userId("eg-viewer")));
      expect(status).toMatchObject({ smartAccountId: EG, disabledBy: userId("eg-admin") });
      expect(await rolesOf("eg-viewer")).toEqual(["Lab-01:VA_USER", "SA_VIEWER"]);

      const viewer = await ctxOf("eg-viewer");
      expect(canAccessSmartAccount(viewer, EG)).toBe(false);
      await expect(listSmartAccountUsers(db, viewer, EG)).rejects.toBeInstanceOf(NotFoundError);
      const rows = await listSmartAccountUsers(db, await ctxOf("eg-admin"), EG);
      expect(rows.find((r) => r.ccoId === "eg-viewer")?.status).toBe("Disabled");
      expect(rows.find((r) => r.ccoId === "eg-admin")?.status).toBe("Active");
      expect(await rolesOf("eg-admin", BU)).toEqual(rolesBefore);

      // Disabling again changes nothing.
      const again = await lastEventId();
      await as("eg-admin", access("eg-viewer", false));
      expect(await eventsAfter(again)).toEqual([]);
    });

    it("a user disabled in the SA cannot be added again, and cannot manage it", async () => {
      await expectRefused("eg-admin", add({ mode: "existing", login: "eg-viewer", saRole: "SA_USER" }), ValidationError, MSG.alreadyMember);
      await as("eg-admin", access("eg-vaadmin", false));
      await expectRefused("eg-vaadmin", add({ mode: "existing", login: "carol", vaRoles: [{ virtualAccountId: VA01, role: "VA_USER" }] }), NotFoundError);
      await as("eg-admin", access("eg-vaadmin", true));
    });

    it("enabling deletes the row, writes E-51a and restores access", async () => {
      const since = await lastEventId();
      await as("eg-admin", access("eg-viewer", true));
      expect((await eventsAfter(since)).map((e) => `${e.type} ${e.message}`)).toEqual([
        "E-51a Access of eg-viewer to this Smart Account was enabled.",
      ]);
      expect(await db.$count(saUserStatus, eq(saUserStatus.userId, userId("eg-viewer")))).toBe(0);
      const viewer = await ctxOf("eg-viewer");
      expect(canAccessSmartAccount(viewer, EG)).toBe(true);
      expect(viewer.saRoles.get(EG)).toBe("SA_VIEWER");
      // Enabling an active user changes nothing.
      const again = await lastEventId();
      await as("eg-admin", access("eg-viewer", true));
      expect(await eventsAfter(again)).toEqual([]);
    });
  });

  describe("Remove", () => {
    it("removes every role in the SA with E-51, leaving other SAs alone", async () => {
      const since = await lastEventId();
      await as("eg-admin", remove("bu-admin"));
      expect(await rolesOf("bu-admin")).toEqual([]);
      expect(await rolesOf("bu-admin", BU)).toEqual(["SA_ADMIN"]);
      const written = await eventsAfter(since);
      expect(written.map((e) => e.message).sort()).toEqual([
        'bu-admin no longer has the role Virtual Account User on "Lab-01".',
        'bu-admin no longer has the role Virtual Account Viewer on "Eg-VA-02".',
      ]);
      expect(written.every((e) => e.type === "E-51" && e.actorLabel === "eg-admin" && e.smartAccountId === EG)).toBe(true);
      expect(canAccessSmartAccount(await ctxOf("bu-admin"), EG)).toBe(false);
    });

    it("removing a disabled user also forgets the Disabled status", async () => {
      await as("eg-admin", access("alice", false));
      expect(await db.$count(saUserStatus, eq(saUserStatus.userId, extraId("alice")))).toBe(1);
      const since = await lastEventId();
      await as("eg-admin", remove("alice"));
      expect((await eventsAfter(since)).map((e) => e.message)).toEqual(["alice no longer has the role Smart Account User."]);
      expect(await db.$count(saUserStatus, eq(saUserStatus.userId, extraId("alice")))).toBe(0);
      expect(await rolesOf("alice")).toEqual([]);
    });
  });

  describe("who may manage users", () => {
    it("viewers, users and Licensing Operations get Forbidden (V-2)", async () => {
      for (const cco of ["eg-viewer", "eg-vauser", "lic-ops"]) {
        await expectRefused(cco, add({ mode: "existing", login: "carol", saRole: "SA_VIEWER" }), ForbiddenError, "You do not have permission to perform this action.");
        await expectRefused(cco, edit("eg-vauser", "NONE", [{ virtualAccountId: VA01, role: "VA_ADMIN" }]), ForbiddenError);
        await expectRefused(cco, remove("eg-vauser"), ForbiddenError);
        await expectRefused(cco, access("eg-vauser", false), ForbiddenError);
      }
    });

    it("a Smart Account User of BU Production Test cannot manage its users", async () => {
      await expectRefused("eg-admin", add({ smartAccountId: BU, mode: "existing", login: "carol", saRole: "SA_VIEWER" }), ForbiddenError);
      await expectRefused("eg-admin", edit("bu-admin", "SA_USER", [], BU), ForbiddenError);
    });

    it("bu-admin managing Eg-SA-01 is answered as not found", async () => {
      await expectRefused("bu-admin", add({ mode: "existing", login: "carol", saRole: "SA_VIEWER" }), NotFoundError);
      await expectRefused("bu-admin", add({ mode: "new", email: "x@example.org", name: "X", password: "long-enough", saRole: "SA_VIEWER" }), NotFoundError);
      await expectRefused("bu-admin", edit("eg-viewer", "SA_ADMIN", []), NotFoundError);
      await expectRefused("bu-admin", remove("eg-viewer"), NotFoundError);
      await expectRefused("bu-admin", access("eg-viewer", false), NotFoundError);
    });
  });

  it("ends with the demo roles intact and one active administrator", async () => {
    const admins = await db
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.smartAccountId, EG), eq(roleAssignments.role, "SA_ADMIN"), isNull(roleAssignments.virtualAccountId)));
    expect(admins).toEqual([{ userId: userId("eg-admin") }]);
    expect(await rolesOf("eg-vaadmin")).toEqual(["Eg-VA-01:VA_ADMIN", "Eg-VA-02:VA_ADMIN"]);
    expect(await db.$count(saUserStatus)).toBe(0);
  });
});
