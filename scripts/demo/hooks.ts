/** Client for the A-25 test hooks (`E2E=1` or `DEMO_TOOLS=1`). */

export const DEMO_NOW = "2024-03-10T12:00:00Z";

export type DemoHooks = {
  pinClock: (iso: string) => Promise<void>;
  reset: (seed?: "demo" | "empty") => Promise<void>;
  runJobs: () => Promise<unknown>;
  /** Session cookie for `email` (the caller sets it where needed). */
  login: (email: string) => Promise<{ name: string; value: string }>;
};

export function demoHooks(baseUrl: string): DemoHooks {
  async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(baseUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  return {
    pinClock: async (iso) => void (await post("/api/test/clock", { now: iso })),
    reset: async (seed = "demo") => void (await post("/api/test/reset", { seed })),
    runJobs: async () => (await post("/api/test/run-jobs", {})).ran,
    login: async (email) => (await post("/api/test/login", { email })).cookie as { name: string; value: string },
  };
}
