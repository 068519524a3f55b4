import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { policies, policyPublications, smartAccounts, virtualAccounts, type Policy } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { requireLicensingOps } from "@/lib/ops/smart-accounts";
import { refreshNextReportDue } from "./refresh-due";
import {
  type AssignPolicyInput,
  type EditPolicyInput,
  POLICY_VALUE_KEYS,
  type PolicyFormInput,
  type PublishPolicyInput,
} from "./schemas";

export const notPublishedMessage = (policy: string, sa: string) => `Policy "${policy}" is not published to Smart Account "${sa}".`;

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const clash = await tx
    .select({ id: policies.id })
    .from(policies)
    .where(and(sql`lower(${policies.name}) = lower(${name})`, exceptId ? ne(policies.id, exceptId) : undefined));
  if (clash.length) throw new ValidationError(`A policy named "${name}" already exists.`, "name");
}

async function lockPolicy(tx: Tx, policyId: string): Promise<Policy> {
  const [policy] = await tx.select().from(policies).where(eq(policies.id, policyId)).for("update");
  if (!policy) throw new NotFoundError();
  return policy;
}

const valuesOf = (input: PolicyFormInput) => Object.fromEntries(POLICY_VALUE_KEYS.map((k) => [k, input[k]]));

/** Every VA, grouped by Smart Account, whose effective policy (P-4) is this one. */
async function vasGoverningBy(tx: Tx, policyId: string): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ id: virtualAccounts.id, saId: virtualAccounts.smartAccountId })
    .from(virtualAccounts)
    .innerJoin(smartAccounts, eq(smartAccounts.id, virtualAccounts.smartAccountId))
    .where(
      and(
        isNull(virtualAccounts.deletedAt),
        or(eq(virtualAccounts.policyId, policyId), and(isNull(virtualAccounts.policyId), eq(smartAccounts.policyId, policyId))),
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.saId, [...(out.get(r.saId) ?? []), r.id]);
  return out;
}

/** S-34 `New Policy...`: a custom policy, version 1, published nowhere yet. */
export async function createPolicy(tx: Tx, ctx: AccessContext, _actor: Actor, input: PolicyFormInput) {
  requireLicensingOps(ctx);
  await assertNameFree(tx, input.name);
  const [row] = await tx
    .insert(policies)
    .values({ name: input.name, isCiscoDefault: false, ackRequired: input.ackRequired, ...valuesOf(input), version: 1, createdAt: now() })
    .returning({ id: policies.id });
  return { id: row.id };
}

/**
 * S-34 `Edit...`: the saved values become the policy's next version (D-13: a published policy is
 * never changed silently). Every document issued before keeps its signed `policy_version`; from now
 * on S-27, S-16 and new ACKs carry the new version wherever the policy applies, and the cached due
 * dates of those instances are recomputed in this transaction. `Cisco default` is read-only.
 */
export async function editPolicy(tx: Tx, ctx: AccessContext, _actor: Actor, input: EditPolicyInput) {
  requireLicensingOps(ctx);
  const policy = await lockPolicy(tx, input.policyId);
  if (policy.isCiscoDefault) throw new ValidationError("The Cisco default policy cannot be changed.");
  await assertNameFree(tx, input.name, policy.id);
  const next = { name: input.name, ackRequired: input.ackRequired, ...valuesOf(input) } as Partial<Policy>;
  const changed = Object.entries(next).some(([k, v]) => policy[k as keyof Policy] !== v);
  if (!changed) return { version: policy.version };
  await tx.update(policies).set({ ...next, version: policy.version + 1 }).where(eq(policies.id, policy.id));
  for (const [saId, vaIds] of await vasGoverningBy(tx, policy.id)) await refreshNextReportDue(tx, saId, vaIds);
  return { version: policy.version + 1 };
}

/** W-53 `Publish...`: one D-13 publication and one E-30a per Smart Account it is not yet published to. */
export async function publishPolicy(tx: Tx, ctx: AccessContext, actor: Actor, input: PublishPolicyInput) {
  requireLicensingOps(ctx);
  const policy = await lockPolicy(tx, input.policyId);
  if (policy.isCiscoDefault) throw new ValidationError("The Cisco default policy is available to every Smart Account and is never published.");
  const ids = [...new Set(input.smartAccountIds)];
  const targets = await tx.select().from(smartAccounts).where(inArray(smartAccounts.id, ids)).orderBy(asc(smartAccounts.name));
  if (targets.length !== ids.length) throw new NotFoundError();
  const already = new Set(
    (await tx.select({ saId: policyPublications.smartAccountId }).from(policyPublications).where(eq(policyPublications.policyId, policy.id))).map(
      (p) => p.saId,
    ),
  );
  const fresh = targets.filter((sa) => !already.has(sa.id));
  if (fresh.length === 0) throw new ValidationError(`Policy "${policy.name}" is already published to the chosen Smart Accounts.`, "smartAccountIds");
  for (const sa of fresh) {
    await tx.insert(policyPublications).values({
      policyId: policy.id,
      smartAccountId: sa.id,
      publishedAt: now(),
      publishedBy: actor.kind === "user" ? actor.userId : null,
    });
    await recordEvent(tx, { type: "E-30a", params: { policy: policy.name, sa: sa.name }, actor, smartAccountId: sa.id });
  }
  return { published: fresh.map((sa) => sa.name) };
}

/**
 * W-53 `Assign...`: makes the policy that of a Smart Account, or of one of its VAs, when it is
 * published there (V-31b; `Cisco default` needs no publication). E-30 is shown in the SA and in
 * every VA whose effective policy changes; their instances' due dates are recomputed at once.
 */
export async function assignPolicy(tx: Tx, ctx: AccessContext, actor: Actor, input: AssignPolicyInput) {
  requireLicensingOps(ctx);
  const [policy] = await tx.select().from(policies).where(eq(policies.id, input.policyId)).for("share");
  if (!policy) throw new NotFoundError();
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, input.smartAccountId)).for("update");
  if (!sa) throw new NotFoundError();
  if (!policy.isCiscoDefault) {
    const [published] = await tx
      .select({ id: policyPublications.id })
      .from(policyPublications)
      .where(and(eq(policyPublications.policyId, policy.id), eq(policyPublications.smartAccountId, sa.id)));
    if (!published) throw new ValidationError(notPublishedMessage(policy.name, sa.name));
  }

  let scope: string;
  let affected: string[];
  let virtualAccountId: string | null = null;
  if (input.virtualAccountId) {
    const [va] = await tx
      .select()
      .from(virtualAccounts)
      .where(and(eq(virtualAccounts.id, input.virtualAccountId), eq(virtualAccounts.smartAccountId, sa.id), isNull(virtualAccounts.deletedAt)))
      .for("update");
    if (!va) throw new NotFoundError();
    if (va.policyId === policy.id) return { changed: false };
    await tx.update(virtualAccounts).set({ policyId: policy.id }).where(eq(virtualAccounts.id, va.id));
    scope = `virtual account "${va.name}"`;
    affected = [va.id];
    virtualAccountId = va.id;
  } else {
    if (sa.policyId === policy.id) return { changed: false };
    await tx.update(smartAccounts).set({ policyId: policy.id }).where(eq(smartAccounts.id, sa.id));
    scope = `Smart Account "${sa.name}"`;
    // The VAs with a policy of their own keep it (P-4); the others now inherit this one.
    affected = (
      await tx
        .select({ id: virtualAccounts.id })
        .from(virtualAccounts)
        .where(and(eq(virtualAccounts.smartAccountId, sa.id), isNull(virtualAccounts.policyId), isNull(virtualAccounts.deletedAt)))
    ).map((v) => v.id);
  }
  await recordEvent(tx, {
    type: "E-30",
    params: { policy: policy.name, scope },
    actor,
    smartAccountId: sa.id,
    virtualAccountId,
    alsoVirtualAccountIds: affected,
  });
  await refreshNextReportDue(tx, sa.id, affected);
  return { changed: true };
}

export type OpsPolicyRow = {
  id: string;
  name: string;
  isCiscoDefault: boolean;
  version: number;
  ackRequired: boolean | null;
  values: Record<(typeof POLICY_VALUE_KEYS)[number], number | null>;
  publishedTo: { id: string; name: string }[];
  assignedTo: string[];
};

/** S-34 Policies: `Cisco default` first, then by name, with where each is published and assigned. */
export async function listPoliciesForOps(db: DbOrTx, ctx: AccessContext): Promise<OpsPolicyRow[]> {
  requireLicensingOps(ctx);
  const rows = await db.select().from(policies).orderBy(asc(policies.name));
  const pubs = await db
    .select({ policyId: policyPublications.policyId, saId: smartAccounts.id, sa: smartAccounts.name })
    .from(policyPublications)
    .innerJoin(smartAccounts, eq(smartAccounts.id, policyPublications.smartAccountId))
    .orderBy(asc(smartAccounts.name));
  const saAssigned = await db.select({ policyId: smartAccounts.policyId, sa: smartAccounts.name }).from(smartAccounts).orderBy(asc(smartAccounts.name));
  const vaAssigned = await db
    .select({ policyId: virtualAccounts.policyId, sa: smartAccounts.name, va: virtualAccounts.name })
    .from(virtualAccounts)
    .innerJoin(smartAccounts, eq(smartAccounts.id, virtualAccounts.smartAccountId))
    .where(isNull(virtualAccounts.deletedAt))
    .orderBy(asc(smartAccounts.name), asc(virtualAccounts.name));
  return rows
    .map((p) => ({
      id: p.id,
      name: p.name,
      isCiscoDefault: p.isCiscoDefault,
      version: p.version,
      ackRequired: p.ackRequired,
      values: Object.fromEntries(POLICY_VALUE_KEYS.map((k) => [k, p[k]])) as OpsPolicyRow["values"],
      publishedTo: pubs.filter((x) => x.policyId === p.id).map((x) => ({ id: x.saId, name: x.sa })),
      assignedTo: [
        ...saAssigned.filter((x) => x.policyId === p.id).map((x) => x.sa),
        ...vaAssigned.filter((x) => x.policyId === p.id).map((x) => `${x.sa} › ${x.va}`),
      ],
    }))
    .sort((a, b) => Number(b.isCiscoDefault) - Number(a.isCiscoDefault) || a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** The Smart Accounts and their VAs, for the `Publish...` and `Assign...` dialogs. */
export async function policyTargets(db: DbOrTx, ctx: AccessContext) {
  requireLicensingOps(ctx);
  const sas = await db.select({ id: smartAccounts.id, name: smartAccounts.name }).from(smartAccounts).orderBy(asc(smartAccounts.name));
  const vas = await db
    .select({ id: virtualAccounts.id, name: virtualAccounts.name, saId: virtualAccounts.smartAccountId })
    .from(virtualAccounts)
    .where(isNull(virtualAccounts.deletedAt))
    .orderBy(asc(virtualAccounts.name));
  return sas.map((sa) => ({ ...sa, vas: vas.filter((v) => v.saId === sa.id).map((v) => ({ id: v.id, name: v.name })) }));
}
