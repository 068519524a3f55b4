import type { DbOrTx } from "@/db/client";
import { seedAccounts } from "./demo/accounts";
import { createContext } from "./demo/context";
import { seedProductInstances } from "./demo/instances";
import { seedCslu, seedOnPrem } from "./demo/installations";
import { seedLicenses } from "./demo/licenses";
import { seedSimDevices } from "./demo/simulator";
import { seedTokens } from "./demo/tokens";
import { seedTraditional } from "./demo/traditional";
import { seedTraditionalFiles } from "./demo/traditional-files";
import { seedUsageFiles } from "./demo/usage";

/**
 * Loads the §9 demo data set (DD-2..DD-12) into a database that already holds the
 * reference data. Every date is an offset from `t0`, every id is derived from a name (DD-1), so
 * the same `t0` always gives the same rows. The DD-8 usage files and their ACKs go through the
 * real ingest; signing keys, alerts and simulated devices are added by the modules that own them.
 */
export async function seedDemo(tx: DbOrTx, t0: Date): Promise<void> {
  const ctx = createContext(tx, t0);
  await seedAccounts(ctx);
  await seedLicenses(ctx);
  await seedTraditional(ctx);
  await seedTraditionalFiles(ctx);
  await seedOnPrem(ctx);
  await seedProductInstances(ctx);
  await seedCslu(ctx);
  await seedTokens(ctx);
  await seedUsageFiles(ctx);
  await seedSimDevices(ctx);
  await ctx.flushEvents();
}

export * from "./demo/ids";
export { DEMO_ACCOUNTS, DEMO_SMART_ACCOUNTS, ROLE_LABELS } from "./demo/accounts";
export { DEMO_ORDERS } from "./demo/licenses";
export { DEMO_PRODUCT_INSTANCES } from "./demo/instances";
export { DEMO_PAKS, DEMO_TRAD_DEVICES } from "./demo/traditional";
export { BUILTIN_ONPREM } from "./demo/installations";
export { demoSimDevices, seededReportId } from "./demo/simulator";
