import { config } from "@/lib/config";

const MIB = 1024 * 1024;

/** Usage-file settings (V-20, W-10 step 5, F-1.4), read from the environment in one place. */
export const usageConfig = {
  /** N of V-20: `OPENSSM_MAX_UPLOAD_MB`, default 100. */
  get maxUploadMb(): number {
    const n = Number(process.env.OPENSSM_MAX_UPLOAD_MB);
    return Number.isFinite(n) && n > 0 ? n : 100;
  },
  get maxUploadBytes(): number {
    return Math.floor(this.maxUploadMb * MIB);
  },
  /** M of V-20: the whole upload may expand to 4 × N MiB. */
  get maxExpandedMb(): number {
    return 4 * this.maxUploadMb;
  },
  get maxExpandedBytes(): number {
    return Math.floor(this.maxExpandedMb * MIB);
  },
  /** W-10 step 5: 3000 ms by default, 0 under E2E, tests and benchmarks. */
  get processingDelayMs(): number {
    const raw = process.env.USAGE_PROCESSING_DELAY_MS;
    if (raw !== undefined && raw !== "" && Number.isFinite(Number(raw))) return Math.max(0, Number(raw));
    return config.e2e || process.env.VITEST ? 0 : 3000;
  },
  /** F-1.4: `RUM_SIGNATURE_MODE=ignore` accepts every signature as IGNORED. */
  get ignoreSignatures(): boolean {
    return process.env.RUM_SIGNATURE_MODE === "ignore";
  },
};

/** W-10 step 6: reports per chunk transaction. */
export const CHUNK_SIZE = 1000;
/** W-10 step 6: attempts before a file is marked failed. */
export const MAX_ATTEMPTS = 3;

/** V-22 */
export const MAX_MEMBERS = 100_000;
export const RATIO_CHECK_AFTER_BYTES = MIB;
export const MAX_RATIO = 100;
/** F-1.10 / V-27a, V-26 */
export const MAX_CHILDREN = 10_000;
export const MAX_CHILD_BYTES = MIB;
export const MAX_XML_DEPTH = 8;
/** V-23 */
export const MAX_MEMBER_NAME_BYTES = 255;

/** D-29 job kind of W-10 step 5–9. */
export const USAGE_FILE_JOB = "usage-file";
