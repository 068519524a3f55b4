import {
  csluInstallation,
  csluProductInstances,
  onpremLocalAccounts,
  onpremLocalVas,
  onpremProductInstances,
  onpremServerAccounts,
  onpremServers,
  onpremSettings,
  onpremSyncRecords,
} from "@/db/schema";
import { uuidv5 } from "@/lib/ids";
import { type SeedContext, userActor } from "./context";
import {
  csluPiId,
  EG_SA,
  localAccountId,
  localVaId,
  onpremPiId,
  onpremServerId,
  saId,
  userId,
  vaId,
} from "./ids";

export const BUILTIN_ONPREM = "On-Prem 1";
const REGISTERED_DAY = -300;
const LAST_SYNC_DAY = -40;

/** DD-11: the built-in On-Prem, its local accounts and instances, and the CSSM-side server records. */
export async function seedOnPrem(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  const smartAccountId = saId(EG_SA);
  const campusVa = vaId(EG_SA, "OnPrem-Campus");

  await tx.insert(onpremSettings).values({ id: "default", commonName: "onprem.example.com" });

  const campus = localAccountId("Campus-LA");
  await tx.insert(onpremLocalAccounts).values([
    {
      id: campus,
      name: "Campus-LA",
      ciscoSaName: EG_SA,
      ciscoVaName: "OnPrem-Campus",
      notificationEmail: "admin@example.com",
      status: "REGISTERED",
      requestedBy: userId("eg-admin"),
      approvedBy: userId("eg-admin"),
      mappedVaId: campusVa,
      registeredAt: ctx.at(REGISTERED_DAY),
      lastAccountSyncAt: ctx.at(LAST_SYNC_DAY),
      lastUsageSyncAt: ctx.at(LAST_SYNC_DAY),
      registrationMode: "NETWORK",
      createdAt: ctx.at(REGISTERED_DAY - 2),
    },
    {
      id: localAccountId("Lab-Account"),
      name: "Lab-Account",
      ciscoSaName: EG_SA,
      ciscoVaName: "Lab-01",
      notificationEmail: "va.user@example.com",
      status: "REQUESTED",
      requestedBy: userId("eg-vauser"),
      createdAt: ctx.at(-20),
    },
  ]);

  await tx.insert(onpremLocalVas).values([
    { id: localVaId("on-prem-default"), localAccountId: campus, name: "Default", isDefault: true, tenantId: "on-prem-default" },
    {
      id: localVaId("on-prem-building-2"),
      localAccountId: campus,
      name: "Building-2",
      tenantId: "on-prem-building-2",
      mappedCssmVaId: vaId(EG_SA, "Eg-VA-02"),
    },
  ]);

  const mapped = { mappedSaName: EG_SA, mappedVaName: "OnPrem-Campus", validated: true };
  await tx.insert(onpremProductInstances).values([
    {
      id: onpremPiId("C9300-24P", "FOC2334W0K5"),
      localVaId: localVaId("on-prem-default"),
      connectMethod: "PRODUCT_INSTANCE_INITIATED",
      udiPid: "C9300-24P",
      udiSn: "FOC2334W0K5",
      lastContactAt: ctx.at(-10),
      ...mapped,
      createdAt: ctx.at(-200),
    },
    {
      id: onpremPiId("C9300-48S", "FOC2517L8KW"),
      localVaId: localVaId("on-prem-default"),
      host: "10.10.20.11",
      connectMethod: "CSLU_NETCONF",
      udiPid: "C9300-48S",
      udiSn: "FOC2517L8KW",
      lastContactAt: ctx.at(-10),
      ...mapped,
      createdAt: ctx.at(-200),
    },
  ]);

  await tx.insert(onpremSyncRecords).values([
    {
      id: uuidv5("onprem-sync:Campus-LA:registration"),
      localAccountId: campus,
      kind: "REGISTRATION",
      mode: "NETWORK",
      status: "COMPLETED",
      startedAt: ctx.at(REGISTERED_DAY),
      completedAt: ctx.at(REGISTERED_DAY),
      message: "Registration completed.",
    },
    {
      id: uuidv5("onprem-sync:Campus-LA:last-account-sync"),
      localAccountId: campus,
      kind: "ACCOUNT_SYNC",
      mode: "NETWORK",
      status: "COMPLETED",
      startedAt: ctx.at(LAST_SYNC_DAY),
      completedAt: ctx.at(LAST_SYNC_DAY),
      message: "Standard synchronization completed.",
    },
  ]);

  const builtin = onpremServerId(EG_SA, BUILTIN_ONPREM);
  await tx.insert(onpremServers).values([
    {
      id: builtin,
      smartAccountId,
      name: BUILTIN_ONPREM,
      version: "8-202206",
      hostname: "onprem.example.com",
      isBuiltin: true,
      status: "Registered",
      lastSyncAt: ctx.at(LAST_SYNC_DAY),
      syncDueAt: ctx.at(LAST_SYNC_DAY + 30),
      createdAt: ctx.at(REGISTERED_DAY),
    },
    {
      id: onpremServerId(EG_SA, "Satellite-EU"),
      smartAccountId,
      name: "Satellite-EU",
      version: "7-202001",
      hostname: "satellite-eu.example.com",
      isBuiltin: false,
      status: "Expired",
      lastSyncAt: ctx.at(-120),
      syncDueAt: ctx.at(-90),
      createdAt: ctx.at(-390),
    },
  ]);
  await tx.insert(onpremServerAccounts).values({ serverId: builtin, virtualAccountId: campusVa, localAccountId: campus });

  ctx.event({
    type: "E-55",
    params: { server: BUILTIN_ONPREM, account: "Campus-LA", va: "OnPrem-Campus" },
    actor: userActor("eg-admin"),
    smartAccountId,
    virtualAccountId: campusVa,
    occurredAt: ctx.at(REGISTERED_DAY),
  });
  ctx.event({
    type: "E-59",
    params: { server: "Satellite-EU" },
    actor: { kind: "system" },
    smartAccountId,
    occurredAt: ctx.at(-30),
  });
}

/** DD-12: the CSLU installation and its three product instances (report envelopes come later). */
export async function seedCslu(ctx: SeedContext): Promise<void> {
  await ctx.tx.insert(csluInstallation).values({
    id: "default",
    ciscoConnectivity: false,
    saName: EG_SA,
    vaName: "Eg-VA-01",
    validateDevice: false,
    defaultConnectMethod: "PRODUCT_INSTANCE_INITIATED",
    servicePort: 8182,
  });
  await ctx.tx.insert(csluProductInstances).values([
    {
      id: csluPiId("ISR4351/K9:FDO210305DQ"),
      host: "10.10.10.21",
      connectMethod: "CSLU_REST",
      udiPid: "ISR4351/K9",
      udiSn: "FDO210305DQ",
      lastContactAt: ctx.at(-2),
      createdAt: ctx.at(-60),
    },
    {
      id: csluPiId("C8200L-1N-4T:FGL2435LHP5"),
      connectMethod: "PRODUCT_INSTANCE_INITIATED",
      udiPid: "C8200L-1N-4T",
      udiSn: "FGL2435LHP5",
      lastContactAt: ctx.at(-1),
      createdAt: ctx.at(-45),
    },
    {
      id: csluPiId("10.10.10.99"),
      host: "10.10.10.99",
      connectMethod: "CSLU_REST",
      lastContactAt: null,
      createdAt: ctx.at(-3),
    },
  ]);
}
