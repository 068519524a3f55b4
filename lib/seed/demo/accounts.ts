import {
  onpremRoles,
  policyPublications,
  type RoleName,
  roleAssignments,
  smartAccounts,
  users,
  virtualAccounts,
} from "@/db/schema";
import { ROLE_LABELS } from "@/lib/access/roles";
import { hashPassword } from "@/lib/auth/password";
import { uuidv5 } from "@/lib/ids";
import { DEMO_PASSWORD } from "../demo-users";
import { policyId } from "../reference";
import { opsActor, type SeedContext, userActor } from "./context";
import { BU_SA, EG_SA, roleAssignmentId, saId, userId, vaId, vaNumericId } from "./ids";

/** DD-2 */
export const DEMO_ACCOUNTS = [
  { ccoId: "eg-admin", email: "admin@example.com", displayName: "Eg Admin", licensingOps: false },
  { ccoId: "eg-vaadmin", email: "va.admin@example.com", displayName: "Eg VA Admin", licensingOps: false },
  { ccoId: "eg-vauser", email: "va.user@example.com", displayName: "Eg VA User", licensingOps: false },
  { ccoId: "eg-viewer", email: "viewer@example.com", displayName: "Eg Viewer", licensingOps: false },
  { ccoId: "lic-ops", email: "ops@example.com", displayName: "Licensing Operations", licensingOps: true },
  { ccoId: "bu-admin", email: "bu.admin@example.com", displayName: "BU Admin", licensingOps: false },
] as const;

type VaSpec = { name: string; isDefault?: boolean; description: string; created: number; policy?: string };

/** DD-3. `created` is the day offset from T0. */
export const DEMO_SMART_ACCOUNTS = [
  {
    name: EG_SA,
    domain: "eg-sa-01.example.com",
    accountId: "402117",
    reservationEnabled: true,
    plrEnabled: true,
    created: -420,
    admin: "eg-admin",
    vas: [
      { name: "Eg-VA-01", isDefault: true, description: "Main production pool", created: -420, policy: "SLP Policy" },
      { name: "Eg-VA-02", description: "Spare licenses and conversions", created: -410 },
      { name: "Krakow LAN-SW", description: "Krakow campus switching", created: -405, policy: "SLE Policy" },
      { name: "Branch-Routers", description: "Branch office routers", created: -402, policy: "Custom Policy" },
      { name: "OnPrem-Campus", description: "Devices reporting through On-Prem 1", created: -320 },
      { name: "CORE TAC", description: "Identity services for the TAC core", created: -310 },
      { name: "MSLA-Utility", description: "Post-paid (MSLA) virtual routers", created: -240 },
      { name: "Lab-01", description: "Lab bring-up", created: -60 },
    ] as VaSpec[],
  },
  {
    name: BU_SA,
    domain: "bu-production-test.example.com",
    accountId: "402118",
    reservationEnabled: false,
    plrEnabled: false,
    created: -415,
    admin: "bu-admin",
    vas: [
      { name: "DEFAULT", isDefault: true, description: "", created: -415 },
      { name: "Device", description: "ASR 920 test devices", created: -412 },
    ] as VaSpec[],
  },
];

/** DD-2 role grants beyond each SA's first administrator (who comes from W-52a). */
const ROLE_GRANTS: { ccoId: string; sa: string; va?: string; role: RoleName; by: string; day: number }[] = [
  { ccoId: "eg-admin", sa: BU_SA, role: "SA_USER", by: "bu-admin", day: -411 },
  { ccoId: "eg-viewer", sa: EG_SA, role: "SA_VIEWER", by: "eg-admin", day: -409 },
  { ccoId: "eg-vaadmin", sa: EG_SA, va: "Eg-VA-01", role: "VA_ADMIN", by: "eg-admin", day: -404 },
  { ccoId: "eg-vaadmin", sa: EG_SA, va: "Eg-VA-02", role: "VA_ADMIN", by: "eg-admin", day: -404 },
  { ccoId: "eg-vauser", sa: EG_SA, va: "Eg-VA-01", role: "VA_USER", by: "eg-admin", day: -403 },
  { ccoId: "eg-vauser", sa: EG_SA, va: "Krakow LAN-SW", role: "VA_VIEWER", by: "eg-admin", day: -403 },
];

export { ROLE_LABELS };

/** The four P-3 policies, published to Eg-SA-01 (DD-3). */
const PUBLISHED_POLICIES = ["SLP Policy", "SLE Policy", "Custom Policy", "Short Cycle Policy"];
const PUBLISHED_DAY = -180;

export async function seedAccounts(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  // scrypt is slow on purpose: hash the shared demo password once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.insert(users).values(
    DEMO_ACCOUNTS.map((u) => ({
      id: userId(u.ccoId),
      email: u.email,
      ccoId: u.ccoId,
      displayName: u.displayName,
      passwordHash,
      licensingOps: u.licensingOps,
      createdAt: ctx.at(-430),
    })),
  );

  for (const sa of DEMO_SMART_ACCOUNTS) {
    await tx.insert(smartAccounts).values({
      id: saId(sa.name),
      accountId: sa.accountId,
      name: sa.name,
      domain: sa.domain,
      exportControlledAllowed: true,
      reservationEnabled: sa.reservationEnabled,
      plrEnabled: sa.plrEnabled,
      createdAt: ctx.at(sa.created),
    });
    await tx.insert(virtualAccounts).values(
      sa.vas.map((va) => ({
        id: vaId(sa.name, va.name),
        smartAccountId: saId(sa.name),
        vaNumericId: vaNumericId(sa.name, va.name),
        name: va.name,
        description: va.description,
        isDefault: va.isDefault ?? false,
        policyId: va.policy ? policyId(va.policy) : null,
        createdAt: ctx.at(va.created),
      })),
    );
    seedAccountHistory(ctx, sa);
  }

  const grants = [
    ...DEMO_SMART_ACCOUNTS.map((sa) => ({
      ccoId: sa.admin,
      sa: sa.name,
      va: undefined,
      role: "SA_ADMIN" as RoleName,
      by: opsActor,
      at: ctx.at(sa.created, 1),
    })),
    ...ROLE_GRANTS.map((g) => ({ ...g, by: userActor(g.by), at: ctx.at(g.day) })),
  ];
  await tx.insert(roleAssignments).values(
    grants.map((g) => ({
      id: roleAssignmentId(g.ccoId, g.sa, g.va ?? null),
      userId: userId(g.ccoId),
      smartAccountId: saId(g.sa),
      virtualAccountId: g.va ? vaId(g.sa, g.va) : null,
      role: g.role,
      createdAt: g.at,
    })),
  );
  for (const g of grants) {
    ctx.event({
      type: "E-50",
      params: { target: g.ccoId, role: ROLE_LABELS[g.role], onVa: g.va ? ` on "${g.va}"` : "" },
      actor: g.by,
      smartAccountId: saId(g.sa),
      occurredAt: g.at,
    });
  }

  // DD-2: eg-admin is On-Prem `System Admin`.
  await tx
    .insert(onpremRoles)
    .values({ id: uuidv5("onprem-role:eg-admin:SYSTEM_ADMIN"), userId: userId("eg-admin"), role: "SYSTEM_ADMIN" });

  await seedPolicies(ctx);
}

/** E-53b for the SA, E-1 for each VA created later; Eg-VA-01 is the renamed `DEFAULT` (E-2). */
function seedAccountHistory(ctx: SeedContext, sa: (typeof DEMO_SMART_ACCOUNTS)[number]): void {
  const smartAccountId = saId(sa.name);
  ctx.event({
    type: "E-53b",
    params: { sa: sa.name, domain: sa.domain, accountId: sa.accountId },
    actor: opsActor,
    smartAccountId,
    occurredAt: ctx.at(sa.created),
  });
  for (const va of sa.vas) {
    const virtualAccountId = vaId(sa.name, va.name);
    if (va.isDefault && va.name !== "DEFAULT") {
      ctx.event({
        type: "E-2",
        params: { old: "DEFAULT", new: va.name },
        actor: userActor(sa.admin),
        smartAccountId,
        virtualAccountId,
        occurredAt: ctx.at(va.created + 2),
      });
    } else if (!va.isDefault) {
      ctx.event({
        type: "E-1",
        params: { va: va.name },
        actor: userActor(sa.admin),
        smartAccountId,
        virtualAccountId,
        occurredAt: ctx.at(va.created),
      });
    }
  }
}

/** DD-3: the P-3 policies are published to Eg-SA-01 and three of them assigned to VAs (W-53). */
async function seedPolicies(ctx: SeedContext): Promise<void> {
  const smartAccountId = saId(EG_SA);
  await ctx.tx.insert(policyPublications).values(
    PUBLISHED_POLICIES.map((name) => ({
      id: uuidv5(`policy-publication:${name}:${EG_SA}`),
      policyId: policyId(name),
      smartAccountId,
      publishedAt: ctx.at(PUBLISHED_DAY),
      publishedBy: userId("lic-ops"),
    })),
  );
  for (const name of PUBLISHED_POLICIES) {
    ctx.event({
      type: "E-30a",
      params: { policy: name, sa: EG_SA },
      actor: opsActor,
      smartAccountId,
      occurredAt: ctx.at(PUBLISHED_DAY),
    });
  }
  const eg = DEMO_SMART_ACCOUNTS.find((s) => s.name === EG_SA)!;
  for (const va of eg.vas.filter((v) => v.policy)) {
    ctx.event({
      type: "E-30",
      params: { policy: va.policy!, scope: `virtual account "${va.name}"` },
      actor: opsActor,
      smartAccountId,
      virtualAccountId: vaId(EG_SA, va.name),
      occurredAt: ctx.at(PUBLISHED_DAY + 1),
    });
  }
}
