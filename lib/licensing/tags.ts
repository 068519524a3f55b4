import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseDefinitions, licenseLots, licenseTagLinks, licenseTags } from "@/db/schema";
import { type AccessContext, assertCan, requireSmartAccount } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { type Actor, recordEvent } from "@/lib/events/record";

export const TAG_MSG = {
  required: "Tag name is required.",
  tooLong: "Tag name must be 40 characters or fewer.",
  taken: (name: string) => `A tag named "${name}" already exists.`,
} as const;

const tagName = z.string().trim().min(1, TAG_MSG.required).max(40, TAG_MSG.tooLong);
const saRef = z.object({ smartAccountId: z.string().uuid() });

export const createTagSchema = saRef.extend({ name: tagName });
export const renameTagSchema = saRef.extend({ tagId: z.string().uuid(), name: tagName });
export const deleteTagSchema = saRef.extend({ tagId: z.string().uuid() });
export const assignTagSchema = saRef.extend({ tagId: z.string().uuid(), licenseDefinitionIds: z.array(z.string().uuid()).max(1000) });

export type LicenseTag = { id: string; name: string; licenseDefinitionIds: string[] };

/** D-22 tags of a Smart Account, by name, with the licenses each one is linked to. */
export async function listLicenseTags(db: DbOrTx, ctx: AccessContext, smartAccountId: string): Promise<LicenseTag[]> {
  const sa = await requireSmartAccount(db, ctx, smartAccountId);
  assertCan(ctx, "view", { saId: sa.id });
  const tags = await db.select().from(licenseTags).where(eq(licenseTags.smartAccountId, sa.id)).orderBy(asc(licenseTags.name));
  const links = tags.length
    ? await db.select().from(licenseTagLinks).where(inArray(licenseTagLinks.tagId, tags.map((t) => t.id)))
    : [];
  return tags.map((t) => ({
    id: t.id,
    name: t.name,
    licenseDefinitionIds: links.filter((l) => l.tagId === t.id).map((l) => l.licenseDefinitionId),
  }));
}

async function requireManage(tx: Tx, ctx: AccessContext, smartAccountId: string) {
  const sa = await requireSmartAccount(tx, ctx, smartAccountId);
  assertCan(ctx, "tags.manage", { saId: sa.id });
  return sa;
}

async function requireTag(tx: Tx, smartAccountId: string, tagId: string) {
  const [tag] = await tx
    .select()
    .from(licenseTags)
    .where(and(eq(licenseTags.id, tagId), eq(licenseTags.smartAccountId, smartAccountId)))
    .for("update");
  if (!tag) throw new NotFoundError();
  return tag;
}

async function assertNameFree(tx: Tx, smartAccountId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: licenseTags.id })
    .from(licenseTags)
    .where(
      and(
        eq(licenseTags.smartAccountId, smartAccountId),
        sql`lower(${licenseTags.name}) = lower(${name})`,
        exceptId ? ne(licenseTags.id, exceptId) : undefined,
      ),
    );
  if (clash) throw new ValidationError(TAG_MSG.taken(name), "name");
}

function tagEvent(tx: Tx, actor: Actor, smartAccountId: string, tag: string, change: string, data: Record<string, unknown>) {
  return recordEvent(tx, { type: "E-36", params: { tag, change }, actor, smartAccountId, data });
}

export async function createLicenseTag(tx: Tx, ctx: AccessContext, actor: Actor, raw: z.input<typeof createTagSchema>) {
  const input = createTagSchema.parse(raw);
  await requireManage(tx, ctx, input.smartAccountId);
  await assertNameFree(tx, input.smartAccountId, input.name);
  const [tag] = await tx.insert(licenseTags).values({ smartAccountId: input.smartAccountId, name: input.name }).returning();
  await tagEvent(tx, actor, input.smartAccountId, tag.name, "created", { tagId: tag.id });
  return { id: tag.id, name: tag.name };
}

export async function renameLicenseTag(tx: Tx, ctx: AccessContext, actor: Actor, raw: z.input<typeof renameTagSchema>) {
  const input = renameTagSchema.parse(raw);
  await requireManage(tx, ctx, input.smartAccountId);
  const tag = await requireTag(tx, input.smartAccountId, input.tagId);
  if (tag.name === input.name) return { id: tag.id, name: tag.name };
  await assertNameFree(tx, input.smartAccountId, input.name, tag.id);
  await tx.update(licenseTags).set({ name: input.name }).where(eq(licenseTags.id, tag.id));
  await tagEvent(tx, actor, input.smartAccountId, tag.name, "renamed", { tagId: tag.id, old: tag.name, new: input.name });
  return { id: tag.id, name: input.name };
}

export async function deleteLicenseTag(tx: Tx, ctx: AccessContext, actor: Actor, raw: z.input<typeof deleteTagSchema>) {
  const input = deleteTagSchema.parse(raw);
  await requireManage(tx, ctx, input.smartAccountId);
  const tag = await requireTag(tx, input.smartAccountId, input.tagId);
  await tx.delete(licenseTags).where(eq(licenseTags.id, tag.id));
  await tagEvent(tx, actor, input.smartAccountId, tag.name, "deleted", { tagId: tag.id });
  return { id: tag.id };
}

/** S-12 `Save`: the tag ends up linked to exactly these licenses; one E-36 per change. */
export async function assignLicenseTag(tx: Tx, ctx: AccessContext, actor: Actor, raw: z.input<typeof assignTagSchema>) {
  const input = assignTagSchema.parse(raw);
  await requireManage(tx, ctx, input.smartAccountId);
  const tag = await requireTag(tx, input.smartAccountId, input.tagId);
  const wanted = [...new Set(input.licenseDefinitionIds)];
  const defs = wanted.length
    ? await tx.select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName }).from(licenseDefinitions).where(inArray(licenseDefinitions.id, wanted))
    : [];
  if (defs.length !== wanted.length) throw new NotFoundError();
  const current = await tx.select().from(licenseTagLinks).where(eq(licenseTagLinks.tagId, tag.id));
  const have = new Set(current.map((l) => l.licenseDefinitionId));
  const added = defs.filter((d) => !have.has(d.id));
  const removedIds = [...have].filter((id) => !wanted.includes(id));
  if (added.length) await tx.insert(licenseTagLinks).values(added.map((d) => ({ tagId: tag.id, licenseDefinitionId: d.id })));
  if (removedIds.length) {
    await tx.delete(licenseTagLinks).where(and(eq(licenseTagLinks.tagId, tag.id), inArray(licenseTagLinks.licenseDefinitionId, removedIds)));
  }
  const removed = removedIds.length
    ? await tx.select({ id: licenseDefinitions.id, name: licenseDefinitions.displayName }).from(licenseDefinitions).where(inArray(licenseDefinitions.id, removedIds))
    : [];
  for (const d of added) await tagEvent(tx, actor, input.smartAccountId, tag.name, `assigned to "${d.name}"`, { tagId: tag.id, licenseDefinitionId: d.id });
  for (const d of removed) await tagEvent(tx, actor, input.smartAccountId, tag.name, `removed from "${d.name}"`, { tagId: tag.id, licenseDefinitionId: d.id });
  return { added: added.length, removed: removed.length };
}

/** S-6 `By Tag`: the license tags of the SA that name a license held (or used) in each VA. */
export async function tagNamesByVirtualAccount(db: DbOrTx, saId: string, vaIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(vaIds.map((id) => [id, []]));
  if (vaIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ vaId: licenseLots.virtualAccountId, tag: licenseTags.name })
    .from(licenseTags)
    .innerJoin(licenseTagLinks, eq(licenseTagLinks.tagId, licenseTags.id))
    .innerJoin(licenseLots, eq(licenseLots.licenseDefinitionId, licenseTagLinks.licenseDefinitionId))
    .where(and(eq(licenseTags.smartAccountId, saId), inArray(licenseLots.virtualAccountId, vaIds)));
  for (const r of rows) out.get(r.vaId)?.push(r.tag);
  return out;
}
