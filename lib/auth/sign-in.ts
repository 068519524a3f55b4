import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleAssignments, signInAttempts, users, type User } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { verifyPassword } from "./password";
import { MAX_FAILURES, throttleMessage, throttleStatus } from "./throttle";

export const INVALID_CREDENTIALS = "The username or password you entered is incorrect.";

export type SignInResult = { ok: true; user: User } | { ok: false; message: string; throttled?: boolean };

export async function findUserByLogin(db: Db, login: string): Promise<User | undefined> {
  const value = login.trim();
  if (!value) return undefined;
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.email, value), eq(users.ccoId, value.toLowerCase())))
    .limit(1);
  return user;
}

/** S-1 / A-2 sign-in with V-16a throttling, recorded in D-1a. */
export async function authenticate(
  db: Db,
  input: { login: string; password: string; clientAddress: string; channel: "FORM" | "API_PASSWORD" },
): Promise<SignInResult> {
  const at = clockNow();
  const user = await findUserByLogin(db, input.login);
  const before = await throttleStatus(db, user?.id ?? null, input.clientAddress, at);
  if (before.minutes > 0) return { ok: false, throttled: true, message: throttleMessage(before.minutes) };

  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && passwordOk && !user.disabledAt);

  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({
      userId: user?.id ?? null,
      clientAddress: input.clientAddress,
      channel: input.channel,
      succeeded,
      occurredAt: at,
    });
    // E-53a once, when this failure starts the account's block.
    if (!succeeded && user && before.accountFailures === MAX_FAILURES) {
      const sas = await tx
        .selectDistinct({ id: roleAssignments.smartAccountId })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, user.id));
      for (const sa of sas) {
        await recordEvent(tx, {
          type: "E-53a",
          params: { who: user.ccoId },
          actor: SYSTEM,
          smartAccountId: sa.id,
          occurredAt: at,
        });
      }
    }
  });

  return succeeded && user ? { ok: true, user } : { ok: false, message: INVALID_CREDENTIALS };
}

// Verifying against a fixed hash keeps the timing of unknown logins close to known ones.
const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
