import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, roleAssignments, users } from "@/db/schema";
import { canAccessSmartAccount, loadAccess, saRoleOf } from "@/lib/access/context";
import { ValidationError } from "@/lib/access/errors";
import { createUserFromCli } from "@/lib/accounts/create-user";
import { verifyPassword } from "@/lib/auth/password";
import { BU_SA, EG_SA, saId } from "@/lib/seed/demo/ids";
import { drivers } from "@/tests/helpers/db";
import { useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);

describe.each(drivers)("W-52b user:create (%s)", (driver) => {
  const { db } = useDemoDatabase(driver);

  async function counts() {
    return {
      users: (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => u.email).sort(),
      roles: await db.$count(roleAssignments),
      events: await db.$count(events),
    };
  }
  const userByEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];

  it("creates a user with a generated 16-character password and a derived CCO id", async () => {
    const before = await counts();
    const result = await createUserFromCli(db, { email: "Jane.Roe@Example.com", name: "  Jane Roe " });
    expect(result.ccoId).toBe("jane.roe");
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const u = await userByEmail("jane.roe@example.com");
    expect(u).toMatchObject({ ccoId: "jane.roe", displayName: "Jane Roe", licensingOps: false, disabledAt: null });
    expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(result.generatedPassword!, u.passwordHash)).toBe(true);
    // A user and nothing else: no role, no event.
    const after = await counts();
    expect(after.users).toEqual([...before.users, "jane.roe@example.com"].sort());
    expect(after.roles).toBe(before.roles);
    expect(after.events).toBe(before.events);
  });

  it("uses the given password and prints none", async () => {
    const result = await createUserFromCli(db, { email: "given@example.com", name: "Given", password: "my-own-pass" });
    expect(result).toEqual({ ccoId: "given", generatedPassword: undefined });
    const u = await userByEmail("given@example.com");
    expect(await verifyPassword("my-own-pass", u.passwordHash)).toBe(true);
    expect(await verifyPassword("my-own-pasS", u.passwordHash)).toBe(false);
  });

  it("derives a free CCO id when the base is taken", async () => {
    expect((await createUserFromCli(db, { email: "eg-admin@elsewhere.example", name: "Other Admin", password: "12345678" })).ccoId).toBe("eg-admin-2");
    expect((await createUserFromCli(db, { email: "jane.roe@elsewhere.example", name: "Jane Two", password: "12345678" })).ccoId).toBe("jane.roe-2");
  });

  it("--licensing-ops sets the capability", async () => {
    await createUserFromCli(db, { email: "ops2@example.com", name: "Ops Two", password: "12345678", licensingOps: true });
    const u = await userByEmail("ops2@example.com");
    expect(u.licensingOps).toBe(true);
    const ctx = (await loadAccess(db, u.id))!;
    expect(canAccessSmartAccount(ctx, EG)).toBe(true);
    expect(canAccessSmartAccount(ctx, BU)).toBe(true);
  });

  it("--sa-admin <domain> makes the user Smart Account Administrator, with E-50 by System", async () => {
    const before = await counts();
    const result = await createUserFromCli(db, { email: "second.admin@example.com", name: "Second Admin", saAdmin: "EG-SA-01.example.com" });
    expect(result.ccoId).toBe("second.admin");
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const u = await userByEmail("second.admin@example.com");
    const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, u.id));
    expect(roles).toEqual([expect.objectContaining({ smartAccountId: EG, virtualAccountId: null, role: "SA_ADMIN" })]);
    const written = await db.select().from(events).where(eq(events.message, "second.admin was given the role Smart Account Administrator."));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      type: "E-50",
      category: "Accounts & Users",
      smartAccountId: EG,
      actorLabel: "System",
      userId: null,
      shownIn: ["SA"],
    });
    const after = await counts();
    expect(after.roles).toBe(before.roles + 1);
    expect(after.events).toBe(before.events + 1);
    const ctx = (await loadAccess(db, u.id))!;
    expect(saRoleOf(ctx, EG)).toBe("SA_ADMIN");
    expect(canAccessSmartAccount(ctx, BU)).toBe(false);
  });

  describe("V-12c: a failing check creates nothing", () => {
    const cases: [string, Parameters<typeof createUserFromCli>[1], string][] = [
      ["an invalid email", { email: "not-an-email", name: "X" }, "Enter a valid email address."],
      ["an empty email", { email: "", name: "X" }, "Enter a valid email address."],
      ["an empty name", { email: "new1@example.com", name: "" }, "Name must be 1 to 80 characters."],
      ["a blank name", { email: "new2@example.com", name: "   " }, "Name must be 1 to 80 characters."],
      ["a name of 81 characters", { email: "new3@example.com", name: "n".repeat(81) }, "Name must be 1 to 80 characters."],
      ["a short password", { email: "new4@example.com", name: "X", password: "1234567" }, "Password must be 8 to 128 characters."],
      ["an empty --password", { email: "new5@example.com", name: "X", password: "" }, "Password must be 8 to 128 characters."],
      ["a password of 129 characters", { email: "new6@example.com", name: "X", password: "p".repeat(129) }, "Password must be 8 to 128 characters."],
      ["an email in use", { email: "admin@example.com", name: "X", password: "12345678" }, "A user with this email already exists."],
      ["an email in use, other case", { email: "Admin@EXAMPLE.com", name: "X" }, "A user with this email already exists."],
      ["an unknown --sa-admin domain", { email: "new7@example.com", name: "X", saAdmin: "nope.example.com" }, "Smart Account nope.example.com was not found."],
      ["an SA name instead of its domain", { email: "new8@example.com", name: "X", saAdmin: EG_SA }, "Smart Account Eg-SA-01 was not found."],
    ];

    for (const [label, args, message] of cases) {
      it(`refuses ${label}`, async () => {
        const before = await counts();
        const err = await createUserFromCli(db, args).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as Error).message).toBe(message);
        expect(await counts()).toEqual(before);
      });
    }

    it("accepts the limits: a name of 80 and a password of 8 and 128 characters", async () => {
      await createUserFromCli(db, { email: "limit1@example.com", name: "n".repeat(80), password: "p".repeat(8) });
      await createUserFromCli(db, { email: "limit2@example.com", name: "N", password: "p".repeat(128) });
      expect((await userByEmail("limit1@example.com")).displayName).toHaveLength(80);
      expect(await verifyPassword("p".repeat(128), (await userByEmail("limit2@example.com")).passwordHash)).toBe(true);
    });
  });
});

/** The real `npm run user:create` script, against an embedded database in a temporary folder. */
describe("W-52b script end to end (PGlite data folder)", () => {
  const run = promisify(execFile);
  let dir: string;
  const tsx = path.resolve("node_modules/.bin/tsx");

  async function userCreate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(tsx, ["scripts/user-create.ts", ...args], {
        cwd: path.resolve("."),
        env: { ...process.env, OPENSSM_DATA_DIR: dir, DATABASE_URL: "", OPENSSM_SEED: "none" },
        timeout: 120_000,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
    }
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "openssm-user-create-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints the CCO id and the generated password once, then refuses the same email", async () => {
    const first = await userCreate("--email", "Cli.User@Example.com", "--name", "Cli User");
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toBe("Created user cli.user.");
    expect(lines[1]).toMatch(/^Generated password: [A-Za-z0-9]{16}$/);
    expect(lines).toHaveLength(2);

    const again = await userCreate("--email", "cli.user@example.com", "--name", "Cli User", "--password", "12345678");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("A user with this email already exists.");
    expect(again.stdout).not.toContain("Created user");

    const noValue = await userCreate("--email", "x@example.com", "--name", "X", "--password");
    expect(noValue.code).not.toBe(0);
    expect(noValue.stderr).toContain("Password must be 8 to 128 characters.");
  }, 120_000);
});
