import { defineConfig, devices } from "@playwright/test";

/**
 * E2E runs the built app in Debian Chromium: the full suite on PGlite, and the `@smoke` subset on
 * PostgreSQL when TEST_DATABASE_URL is set. Both servers run with E2E=1 (A-25 hooks) and DEMO_TOOLS=1 (S-60 `/dev` tools).
 */
const PGLITE_PORT = Number(process.env.E2E_PORT ?? 3100);
const POSTGRES_PORT = PGLITE_PORT + 1;
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1400, height: 900 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "./e2e",
  testIgnore: ["demos/**"],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure", actionTimeout: 15_000 },
  projects: [
    { name: "pglite", use: { ...chromium, baseURL: `http://127.0.0.1:${PGLITE_PORT}` } },
    ...(withPostgres
      ? [{ name: "postgres", grep: /@smoke/, use: { ...chromium, baseURL: `http://127.0.0.1:${POSTGRES_PORT}` } }]
      : []),
  ],
  webServer: [
    {
      command: `npx tsx scripts/e2e-server.ts --driver pglite --port ${PGLITE_PORT}`,
      url: `http://127.0.0.1:${PGLITE_PORT}/login`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    ...(withPostgres
      ? [
          {
            command: `npx tsx scripts/e2e-server.ts --driver postgres --port ${POSTGRES_PORT}`,
            url: `http://127.0.0.1:${POSTGRES_PORT}/login`,
            timeout: 600_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
