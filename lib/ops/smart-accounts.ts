import { randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { roleAssignments, smartAccounts, users, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { ACCOUNT_FLAGS, type AccountFlag, type CreateSmartAccountInput } from "./schemas";

/** The back-office actions of S-34 belong to Licensing Operations only (D-3). */
export function requireLicensingOps(ctx: AccessContext): void {
  if (!ctx.user.licensingOps) throw new ForbiddenError();
}

async function uniqueDigits(tx: DbOrTx, column: "sa" | "va"): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(100000, 1000000));
    const [used] =
      column === "sa"
        ? await tx.select({ id: smartAccounts.id }).from(smartAccounts).where(eq(smartAccounts.accountId, candidate))
        : await tx.select({ id: virtualAccounts.id }).from(virtualAccounts).where(eq(virtualAccounts.vaNumericId, candidate));
    if (!used) return candidate;
  }
}

async function hasAdministrator(tx: DbOrTx, saId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.smartAccountId, saId), eq(roleAssignments.role, "SA_ADMIN"), isNull(roleAssignments.virtualAccountId)))
    .limit(1);
  return Boolean(row);
}

/** V-12b: makes an existing, enabled user the first administrator (E-50). */
async function grantFirstAdministrator(tx: Tx, actor: Actor, sa: { id: string }, email: string, field: string) {
  const [user] = await tx.select().from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) throw new ValidationError("No user found with that email.", field);
  if (await hasAdministrator(tx, sa.id)) throw new ValidationError("This Smart Account already has an administrator.");
  await tx
    .insert(roleAssignments)
    .values({ userId: user.id, smartAccountId: sa.id, role: "SA_ADMIN" })
    .onConflictDoNothing();
  await tx
    .update(roleAssignments)
    .set({ role: "SA_ADMIN" })
    .where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.smartAccountId, sa.id), isNull(roleAssignments.virtualAccountId)));
  await recordEvent(tx, {
    type: "E-50",
    params: { target: user.ccoId, role: "Smart Account Administrator", onVa: "" },
    actor,
    smartAccountId: sa.id,
  });
}

/** W-52a: the SA, its default VA `DEFAULT` (INV-1) and optionally its first administrator, in one transaction. */
export async function createSmartAccount(tx: Tx, ctx: AccessContext, actor: Actor, input: CreateSmartAccountInput) {
  requireLicensingOps(ctx);
  const [nameClash] = await tx.select({ id: smartAccounts.id }).from(smartAccounts).where(eq(smartAccounts.name, input.name));
  if (nameClash) throw new ValidationError(`A Smart Account named "${input.name}" already exists.`, "name");
  const [domainClash] = await tx
    .select({ id: smartAccounts.id })
    .from(smartAccounts)
    .where(sql`lower(${smartAccounts.domain}) = lower(${input.domain})`);
  if (domainClash) throw new ValidationError(`The domain ${input.domain} is already used by another Smart Account.`, "domain");
  const [sa] = await tx
    .insert(smartAccounts)
    .values({
      name: input.name,
      domain: input.domain,
      accountId: await uniqueDigits(tx, "sa"),
      exportControlledAllowed: input.exportControlledAllowed,
      reservationEnabled: input.reservationEnabled,
      plrEnabled: input.plrEnabled,
      autoConversion: input.autoConversion,
      createdAt: now(),
    })
    .returning();
  await tx
    .insert(virtualAccounts)
    .values({ smartAccountId: sa.id, name: "DEFAULT", isDefault: true, vaNumericId: await uniqueDigits(tx, "va"), createdAt: now() });
  await recordEvent(tx, {
    type: "E-53b",
    params: { sa: sa.name, domain: sa.domain, accountId: sa.accountId },
    actor,
    smartAccountId: sa.id,
  });
  if (input.administratorEmail) await grantFirstAdministrator(tx, actor, sa, input.administratorEmail, "administratorEmail");
  return { id: sa.id };
}

/** W-52a step 4: `Assign Administrator...` while the SA has none. */
export async function assignFirstAdministrator(tx: Tx, ctx: AccessContext, actor: Actor, input: { smartAccountId: string; email: string }) {
  requireLicensingOps(ctx);
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, input.smartAccountId)).for("update");
  if (!sa) throw new NotFoundError();
  await grantFirstAdministrator(tx, actor, sa, input.email, "email");
}

/** W-54: toggles one account flag (E-53); disabling reservation revokes nothing. */
export async function setAccountFlag(
  tx: Tx,
  ctx: AccessContext,
  actor: Actor,
  input: { smartAccountId: string; flag: AccountFlag; value: boolean },
) {
  requireLicensingOps(ctx);
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, input.smartAccountId)).for("update");
  if (!sa) throw new NotFoundError();
  if (sa[input.flag] === input.value) return;
  await tx.update(smartAccounts).set({ [input.flag]: input.value }).where(eq(smartAccounts.id, sa.id));
  const meta = ACCOUNT_FLAGS[input.flag];
  await recordEvent(tx, {
    type: "E-53",
    params: { setting: meta.label, old: sa[input.flag] ? meta.on : meta.off, new: input.value ? meta.on : meta.off },
    actor,
    smartAccountId: sa.id,
  });
}

/** S-34 Smart Accounts rows, with whether each still lacks an administrator. */
export async function listSmartAccountsForOps(db: DbOrTx, ctx: AccessContext) {
  requireLicensingOps(ctx);
  return db
    .select({
      id: smartAccounts.id,
      name: smartAccounts.name,
      domain: smartAccounts.domain,
      accountId: smartAccounts.accountId,
      exportControlledAllowed: smartAccounts.exportControlledAllowed,
      reservationEnabled: smartAccounts.reservationEnabled,
      plrEnabled: smartAccounts.plrEnabled,
      autoConversion: smartAccounts.autoConversion,
      // Written out in full: Drizzle leaves columns unqualified in the select list of a one-table query.
      hasAdministrator: sql<boolean>`exists (select 1 from role_assignments ra where ra.smart_account_id = smart_accounts.id and ra.role = 'SA_ADMIN' and ra.virtual_account_id is null)`,
    })
    .from(smartAccounts)
    .orderBy(smartAccounts.name);
}
