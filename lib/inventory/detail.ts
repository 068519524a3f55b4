import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  authorizationLines,
  authorizations,
  licenseDefinitions,
  licenseLots,
  licenseUsage,
  productInstances,
  smartAccounts,
} from "@/db/schema";
import { type AccessContext, assertCan, can, requireVirtualAccount } from "@/lib/access/context";
import { NotFoundError } from "@/lib/access/errors";
import { isUuid } from "@/lib/ids";
import { effectivePolicyName } from "@/lib/policy/effective";
import { piDisplayName } from "./display-name";

export type LicenseUsageRow = {
  licenseDefinitionId: string;
  license: string;
  billing: "PREPAID" | "USAGE";
  /** `YYYY-MM-DD`, or null for perpetual. */
  expires: string | null;
  required: number;
};

/** A PI the caller may see, or NotFound (another account's, or a VA they cannot see: D-3). */
export async function requireProductInstance(db: DbOrTx, ctx: AccessContext, id: string) {
  if (!isUuid(id)) throw new NotFoundError();
  const [pi] = await db.select().from(productInstances).where(eq(productInstances.id, id));
  if (!pi) throw new NotFoundError();
  const va = await requireVirtualAccount(db, ctx, pi.virtualAccountId);
  assertCan(ctx, "view", { saId: va.smartAccountId, vaId: va.id });
  return { pi, va };
}

/** S-16: the General block, License Usage and Authorizations of one product instance. */
export async function getProductInstanceDetail(db: DbOrTx, ctx: AccessContext, id: string) {
  const { pi, va } = await requireProductInstance(db, ctx, id);
  const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, va.smartAccountId));
  const policy = await effectivePolicyName(db, va, sa);

  // D-10: Required is the PI's count for the license, the max across sources (a reservation covers reported use).
  const usage = await db
    .select({
      licenseDefinitionId: licenseUsage.licenseDefinitionId,
      license: licenseDefinitions.displayName,
      billing: licenseDefinitions.billing,
      duration: licenseDefinitions.duration,
      required: max(licenseUsage.count),
    })
    .from(licenseUsage)
    .innerJoin(licenseDefinitions, eq(licenseDefinitions.id, licenseUsage.licenseDefinitionId))
    .where(eq(licenseUsage.productInstanceId, pi.id))
    .groupBy(licenseUsage.licenseDefinitionId, licenseDefinitions.displayName, licenseDefinitions.billing, licenseDefinitions.duration)
    .orderBy(asc(licenseDefinitions.displayName));

  const auths = await db
    .select()
    .from(authorizations)
    .where(eq(authorizations.productInstanceId, pi.id))
    .orderBy(desc(authorizations.issuedAt));
  const installedIds = auths.filter((a) => a.status === "INSTALLED").map((a) => a.id);
  const lineExpiry = new Map<string, string>();
  if (installedIds.length) {
    const lines = await db
      .select({ licId: authorizationLines.licenseDefinitionId, expires: authorizationLines.expires })
      .from(authorizationLines)
      .where(inArray(authorizationLines.authorizationId, installedIds));
    for (const l of lines) if (l.expires) lineExpiry.set(l.licId, l.expires);
  }
  // A subscription license in use runs until the latest end of the VA's active lots of it.
  const subscriptionIds = usage.filter((u) => u.duration === "SUBSCRIPTION").map((u) => u.licenseDefinitionId);
  const lotEnds = new Map<string, string>();
  if (subscriptionIds.length) {
    const ends = await db
      .select({ licId: licenseLots.licenseDefinitionId, end: max(licenseLots.endDate) })
      .from(licenseLots)
      .where(
        and(
          eq(licenseLots.virtualAccountId, va.id),
          eq(licenseLots.status, "ACTIVE"),
          inArray(licenseLots.licenseDefinitionId, subscriptionIds),
        ),
      )
      .groupBy(licenseLots.licenseDefinitionId);
    for (const e of ends) if (e.end) lotEnds.set(e.licId, e.end);
  }

  const licenseUsageRows: LicenseUsageRow[] = usage.map((u) => ({
    licenseDefinitionId: u.licenseDefinitionId,
    license: u.license,
    billing: u.billing,
    expires: lineExpiry.get(u.licenseDefinitionId) ?? (u.duration === "SUBSCRIPTION" ? (lotEnds.get(u.licenseDefinitionId) ?? null) : null),
    required: Number(u.required ?? 0),
  }));

  const scope = { saId: va.smartAccountId, vaId: va.id };
  return {
    pi,
    name: piDisplayName(pi),
    virtualAccount: va,
    smartAccount: sa,
    policy,
    licenseUsage: licenseUsageRows,
    authorizations: auths.map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      issuedAt: a.issuedAt,
      confirmationCode: a.confirmationCode,
      returnCode: a.returnCode,
      plrVersion: a.plrVersion,
    })),
    canTransfer: can(ctx, "pi.transfer", scope),
    canRemove: can(ctx, "pi.remove", scope),
  };
}
export type ProductInstanceDetail = Awaited<ReturnType<typeof getProductInstanceDetail>>;
