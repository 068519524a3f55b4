import { randomInt } from "node:crypto";
import { and, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { licenseDefinitions, pakLines, paks, skuMap, smartAccounts, users, virtualAccounts } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { NotFoundError, ValidationError } from "@/lib/access/errors";
import { isoDate, now } from "@/lib/clock";
import { type Actor, recordEvent } from "@/lib/events/record";
import { escapeLike } from "@/lib/lists/paging";
import { pakStatus } from "@/lib/traditional/pak-status";
import { orderFormChoices } from "./orders";
import type { CreatePakInput, PakListFilter } from "./pak-schema";
import { requireLicensingOps } from "./smart-accounts";

const PAK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A random V-50 PAK that no PAK uses yet. */
async function generatePak(tx: DbOrTx): Promise<string> {
  for (;;) {
    const pak = Array.from({ length: 11 }, () => PAK_ALPHABET[randomInt(PAK_ALPHABET.length)]).join("");
    const [used] = await tx.select({ id: paks.id }).from(paks).where(eq(paks.pak, pak));
    if (!used) return pak;
  }
}

/** V-12 wording: the owner is an existing, enabled user named by email or CCO id. */
async function findOwner(tx: DbOrTx, owner: string) {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(or(eq(users.email, owner), sql`lower(${users.ccoId}) = lower(${owner})`), isNull(users.disabledAt)));
  if (!user) throw new ValidationError("No user found with that email or username.", "owner");
  return user;
}

/** The optional Smart Account and `PAK Virtual Account`; the VA must belong to that SA. */
async function placement(tx: DbOrTx, input: CreatePakInput) {
  if (!input.smartAccountId) return { sa: null, va: null };
  const [sa] = await tx.select().from(smartAccounts).where(eq(smartAccounts.id, input.smartAccountId));
  if (!sa) throw new NotFoundError();
  if (!input.virtualAccountId) return { sa, va: null };
  const [va] = await tx
    .select()
    .from(virtualAccounts)
    .where(and(eq(virtualAccounts.id, input.virtualAccountId), isNull(virtualAccounts.deletedAt)));
  if (!va) throw new NotFoundError();
  if (va.smartAccountId !== sa.id) {
    throw new ValidationError(`Virtual account "${va.name}" was not found in Smart Account "${sa.name}".`, "virtualAccountId");
  }
  return { sa, va };
}

/**
 * S-34 `New PAK...`: the D-17 PAK and its lines, and E-53c (OPS; also CONV when the PAK has a
 * Smart Account), in the caller's transaction. Any refusal writes nothing.
 */
export async function createPak(tx: Tx, ctx: AccessContext, actor: Actor, input: CreatePakInput) {
  requireLicensingOps(ctx);
  let pak = input.pak;
  if (pak) {
    const [taken] = await tx.select({ id: paks.id }).from(paks).where(eq(paks.pak, pak));
    if (taken) throw new ValidationError(`PAK ${pak} already exists.`, "pak");
  } else pak = await generatePak(tx);
  const owner = input.owner ? await findOwner(tx, input.owner) : null;
  const { sa, va } = await placement(tx, input);

  const licenseIds = [...new Set(input.lines.map((l) => l.licenseDefinitionId).filter(Boolean))];
  if (licenseIds.length) {
    const found = new Set(
      (await tx.select({ id: licenseDefinitions.id }).from(licenseDefinitions).where(inArray(licenseDefinitions.id, licenseIds))).map((d) => d.id),
    );
    const missing = input.lines.findIndex((l) => l.licenseDefinitionId && !found.has(l.licenseDefinitionId));
    if (missing >= 0) throw new ValidationError("Choose a smart equivalent from the catalogue, or none.", `lines.${missing}.licenseDefinitionId`);
  }

  const at = now();
  const [row] = await tx
    .insert(paks)
    .values({
      pak,
      type: input.type,
      orderNumber: input.orderNumber,
      orderDate: input.orderDate,
      ownerUserId: owner?.id ?? null,
      smartAccountId: sa?.id ?? null,
      virtualAccountId: va?.id ?? null,
      partialFulfillment: input.partialFulfillment,
      createdAt: at,
    })
    .returning();
  await tx.insert(pakLines).values(
    input.lines.map((l) => ({
      pakId: row.id,
      sku: l.sku,
      description: l.description,
      productFamily: l.productFamily,
      allowedPids: l.allowedPids,
      featureName: l.featureName,
      featureVersion: l.featureVersion,
      licenseDefinitionId: l.licenseDefinitionId || null,
      licenseType: l.licenseType,
      termEnd: l.licenseType === "TERM" ? l.termEnd : null,
      qtyOrdered: l.quantity,
    })),
  );
  await recordEvent(tx, {
    type: "E-53c",
    params: { pak, n: input.lines.length, forSa: sa ? ` for Smart Account "${sa.name}"` : "" },
    actor,
    smartAccountId: sa?.id ?? null,
    shownIn: sa ? ["OPS", "CONV"] : ["OPS"],
    occurredAt: at,
  });
  return { id: row.id, pak };
}

export type PakListRow = {
  id: string;
  pak: string;
  type: "STANDARD" | "BULK" | "DEMO";
  orderNumber: string | null;
  owner: string | null;
  smartAccount: string | null;
  virtualAccount: string | null;
  partialFulfillment: boolean;
  lines: string;
  status: ReturnType<typeof pakStatus>;
};

const pakIdQualified = sql.raw(`"paks"."id"`);

/** S-34 PAKs: one page, newest first; the search matches PAK, order, owner, SA, VA and SKUs. */
export async function listPaks(db: DbOrTx, ctx: AccessContext, f: PakListFilter) {
  requireLicensingOps(ctx);
  const filters: SQL[] = [];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    filters.push(
      or(
        ilike(paks.pak, pattern),
        ilike(paks.orderNumber, pattern),
        ilike(users.ccoId, pattern),
        ilike(users.email, pattern),
        ilike(smartAccounts.name, pattern),
        ilike(virtualAccounts.name, pattern),
        sql`exists (select 1 from ${pakLines} where ${pakLines.pakId} = ${pakIdQualified} and ${pakLines.sku} ilike ${pattern})`,
      )!,
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const [{ total }] = await db
    .select({ total: count() })
    .from(paks)
    .leftJoin(users, eq(users.id, paks.ownerUserId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, paks.smartAccountId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, paks.virtualAccountId))
    .where(where);
  const rows = await db
    .select({
      id: paks.id,
      pak: paks.pak,
      type: paks.type,
      orderNumber: paks.orderNumber,
      owner: users.ccoId,
      smartAccount: smartAccounts.name,
      virtualAccount: virtualAccounts.name,
      partialFulfillment: paks.partialFulfillment,
      lines: sql<string>`(select string_agg(${pakLines.sku} || ' (' || ${pakLines.qtyOrdered} || ')', ', ' order by ${pakLines.sku}, ${pakLines.id}) from ${pakLines} where ${pakLines.pakId} = ${pakIdQualified})`,
      ordered: sql<number>`(select coalesce(sum(${pakLines.qtyOrdered}), 0) from ${pakLines} where ${pakLines.pakId} = ${pakIdQualified})`.mapWith(Number),
      fulfilled: sql<number>`(select coalesce(sum(${pakLines.qtyFulfilled}), 0) from ${pakLines} where ${pakLines.pakId} = ${pakIdQualified})`.mapWith(Number),
      converted: sql<number>`(select coalesce(sum(${pakLines.qtyConverted}), 0) from ${pakLines} where ${pakLines.pakId} = ${pakIdQualified})`.mapWith(Number),
    })
    .from(paks)
    .leftJoin(users, eq(users.id, paks.ownerUserId))
    .leftJoin(smartAccounts, eq(smartAccounts.id, paks.smartAccountId))
    .leftJoin(virtualAccounts, eq(virtualAccounts.id, paks.virtualAccountId))
    .where(where)
    .orderBy(desc(paks.createdAt), paks.pak)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    rows: rows.map(
      ({ ordered, fulfilled, converted, ...r }): PakListRow => ({ ...r, lines: r.lines ?? "", status: pakStatus({ qtyOrdered: ordered, qtyFulfilled: fulfilled, qtyConverted: converted }) }),
    ),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** Choices of the `New PAK...` dialog: SAs with their VAs, the catalogue and the D-27 SKU map. */
export async function pakFormChoices(db: DbOrTx, ctx: AccessContext) {
  const { smartAccounts: sas, licenses } = await orderFormChoices(db, ctx);
  const skus = await db
    .select({
      sku: skuMap.sku,
      productFamily: skuMap.productFamily,
      featureName: skuMap.featureName,
      featureVersion: skuMap.featureVersion,
      licenseDefinitionId: skuMap.licenseDefinitionId,
    })
    .from(skuMap)
    .orderBy(skuMap.sku, skuMap.featureName);
  return { smartAccounts: sas, licenses, skus, today: isoDate(now()) };
}
export type PakFormChoices = Awaited<ReturnType<typeof pakFormChoices>>;
