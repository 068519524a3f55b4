import path from "node:path";

/** Process settings read from the environment, in one place. */
export const config = {
  get databaseUrl(): string | undefined {
    return process.env.DATABASE_URL || undefined;
  },
  get dataDir(): string {
    return path.resolve(/*turbopackIgnore: true*/ process.env.OPENSSM_DATA_DIR || ".data");
  },
  /** `demo` (default) seeds DD data into an empty database; `none` loads reference data only. */
  get seedMode(): "demo" | "none" {
    return process.env.OPENSSM_SEED === "none" ? "none" : "demo";
  },
  get brand(): string {
    return (process.env.BRAND_NAME ?? "").trim();
  },
  get testHooks(): boolean {
    return process.env.E2E === "1" || process.env.DEMO_TOOLS === "1";
  },
  /** E2E=1: the job worker stays off; tests run jobs through `/api/test/run-jobs`. */
  get e2e(): boolean {
    return process.env.E2E === "1";
  },
  get demoTools(): boolean {
    return process.env.DEMO_TOOLS === "1";
  },
  get failedToConnectDays(): number {
    return Number(process.env.FAILED_TO_CONNECT_DAYS || 90);
  },
};

export function brandTitle(): string {
  return config.brand ? `${config.brand} Software Central` : "Software Central";
}
