/** SQLSTATEs after which the whole transaction was rolled back and running it again may succeed. */
const TRANSIENT = new Set(["40P01" /* deadlock_detected */, "40001" /* serialization_failure */]);

/** Drizzle wraps driver errors (postgres.js, PGlite) in `cause`; the SQLSTATE is on the innermost. */
export function isTransientConflict(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT.has(code)) return true;
  }
  return false;
}

/**
 * Runs a whole transaction again when the database aborted it for a deadlock or serialization
 * failure, e.g. a transfer and a usage-file chunk updating the same license_in_use rows.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isTransientConflict(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
