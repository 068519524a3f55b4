import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleAssignments, smartAccounts, users } from "@/db/schema";
import { ValidationError } from "@/lib/access/errors";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { deriveCcoId } from "./cco-id";
import { displayNameSchema, emailSchema, passwordSchema } from "./schemas";

export type CreateUserArgs = { email: string; name: string; password?: string; licensingOps?: boolean; saAdmin?: string };

/** W-52b `npm run user:create`: checks V-12c, creates the user (and SA admin role) in one transaction. */
export async function createUserFromCli(db: Db, args: CreateUserArgs): Promise<{ ccoId: string; generatedPassword?: string }> {
  const email = emailSchema.safeParse(args.email ?? "");
  if (!email.success) throw new ValidationError("Enter a valid email address.");
  const name = displayNameSchema.safeParse(args.name ?? "");
  if (!name.success) throw new ValidationError("Name must be 1 to 80 characters.");
  if (args.password !== undefined && !passwordSchema.safeParse(args.password).success) {
    throw new ValidationError("Password must be 8 to 128 characters.");
  }
  const generatedPassword = args.password === undefined ? generatePassword(16) : undefined;
  const passwordHash = await hashPassword(args.password ?? generatedPassword!);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.data));
    if (taken) throw new ValidationError("A user with this email already exists.");
    let sa: typeof smartAccounts.$inferSelect | undefined;
    if (args.saAdmin !== undefined) {
      [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.domain, args.saAdmin));
      if (!sa) throw new ValidationError(`Smart Account ${args.saAdmin} was not found.`);
    }
    const ccoId = await deriveCcoId(tx, email.data);
    const [user] = await tx
      .insert(users)
      .values({ email: email.data, ccoId, displayName: name.data, passwordHash, licensingOps: Boolean(args.licensingOps), createdAt: now() })
      .returning();
    if (sa) {
      await tx.insert(roleAssignments).values({ userId: user.id, smartAccountId: sa.id, role: "SA_ADMIN" });
      await recordEvent(tx, {
        type: "E-50",
        params: { target: ccoId, role: "Smart Account Administrator", onVa: "" },
        actor: SYSTEM,
        smartAccountId: sa.id,
      });
    }
    return { ccoId, generatedPassword };
  });
}
