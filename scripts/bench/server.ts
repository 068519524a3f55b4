import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildState as sharedBuildState } from "../build-state";

/**
 * Starting and stopping an OpenSSM instance the way a user does (`npx tsx scripts/start.ts`),
 * shared by `npm run bench` and `npm run demo`. Every instance gets a fresh temporary data
 * folder and a free port on 127.0.0.1, runs in its own process group, and is killed as a group.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");
const HOST = "127.0.0.1";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** "missing", "stale" or "fresh", exactly as `npm start` decides whether to rebuild. */
export function buildState(): "missing" | "stale" | "fresh" {
  return sharedBuildState(REPO_ROOT);
}

/** Pids of `next build` processes running in this repository (someone else's build, or start.ts's). */
export function runningBuilds(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.startsWith("next-build")) continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === REPO_ROOT) out.push(Number(entry));
    } catch {
      // ended meanwhile, or not ours to inspect
    }
  }
  return out;
}

/** Waits (bounded) until no `next build` runs in this repository, so `.next/` is not half-written. */
export async function waitForOtherBuilds(log: (line: string) => void, timeoutMs = 20 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  while (runningBuilds().length) {
    if (!said) log(`waiting for another \`next build\` in this repository to finish (pid ${runningBuilds().join(", ")})`);
    said = true;
    if (Date.now() > deadline) throw new Error("Another `next build` is still running; try again later.");
    await sleep(2000);
  }
}

/**
 * Runs `npx next build` when start.ts would otherwise build inside the measured start-up
 * (no build yet, or sources changed since). Output goes to stderr so stdout stays clean.
 * Waits for someone else's build first, and retries when one starts at the same moment.
 */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await waitForOtherBuilds(log);
    const state = buildState();
    if (state === "fresh") return;
    log(`building first (${state === "missing" ? ".next/BUILD_ID is missing" : "sources are newer than .next/BUILD_ID"}): npx next build`);
    const r = spawnSync("npx", ["next", "build"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    process.stderr.write(output);
    if (r.status === 0) return;
    if (!/Another next build process is already running/.test(output)) throw new Error(`npx next build failed (exit ${r.status ?? r.signal}).`);
    await sleep(3000);
  }
  throw new Error("Could not build: another `next build` kept running.");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("No free port."))));
    });
  });
}

export type ServerOptions = {
  /** Extra environment (e.g. E2E=1, DATABASE_URL, AUTH_SECRET). */
  env?: Record<string, string>;
  /** How long to wait for the first 200 of `readyPath`. */
  timeoutMs?: number;
  readyPath?: string;
  /** Label used in the temp folder name and log messages. */
  label?: string;
  /** Where progress remarks go (default: stderr). */
  log?: (line: string) => void;
};

export type RunningServer = {
  baseUrl: string;
  port: number;
  /** Pid of the spawned `npx` (also the process group id). */
  pid: number;
  dataDir: string;
  logFile: string;
  /** Milliseconds from spawn to the first HTTP 200 of `readyPath`. */
  startMs: number;
  /** True when start.ts had to build inside the measured start-up (sources changed meanwhile). */
  built: boolean;
  /** Last lines of the server output (for error messages). */
  logTail: (lines?: number) => string;
  stop: () => Promise<void>;
};

const live = new Set<RunningServer>();
let exitHooksInstalled = false;

/** Kill every started server's process group when this process ends, however it ends. */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", () => {
    for (const s of live) killGroup(s.pid, "SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((s) => s.stop()));
}

/**
 * Spawns `npx tsx scripts/start.ts` in a new process group with a fresh temp OPENSSM_DATA_DIR
 * and a free PORT, and resolves once `readyPath` answers 200 (measuring the time to it).
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  installExitHooks();
  const label = opts.label ?? "server";
  await waitForOtherBuilds(opts.log ?? ((line) => console.error(line)));
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `openssm-${label}-`));
  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const readyPath = opts.readyPath ?? "/login";
  const baseUrl = `http://${HOST}:${port}`;

  const t0 = performance.now();
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: REPO_ROOT,
    detached: true, // own process group, so the whole tree can be killed together
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      OPENSSM_DATA_DIR: path.join(dataDir, "data"),
      ...opts.env,
    },
  });
  fs.closeSync(log);
  const pid = child.pid!;
  let exited: string | null = null;
  child.on("exit", (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });

  const logTail = (lines = 30) => {
    try {
      return fs.readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  };

  let stopped: Promise<void> | null = null;
  const server: RunningServer = {
    baseUrl,
    port,
    pid,
    dataDir,
    logFile,
    startMs: 0,
    built: false,
    logTail,
    stop: () => {
      stopped ??= (async () => {
        killGroup(pid, "SIGTERM");
        for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
        if (groupAlive(pid)) killGroup(pid, "SIGKILL");
        for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
        live.delete(server);
        if (!process.env.KEEP_TMP) fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
  live.add(server);

  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  const deadline = t0 + timeoutMs;
  while (performance.now() < deadline) {
    if (exited) {
      const tail = logTail();
      await server.stop();
      throw new Error(`The ${label} server ended before answering (${exited}). Last output:\n${tail}`);
    }
    try {
      const res = await fetch(baseUrl + readyPath, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        server.startMs = performance.now() - t0;
        server.built = logTail(10_000).includes("Building the application");
        return server;
      }
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  const tail = logTail();
  await server.stop();
  throw new Error(`The ${label} server did not answer 200 on ${readyPath} within ${Math.round(timeoutMs / 1000)} s. Last output:\n${tail}`);
}

/** Pids of `root` and all its descendants (from /proc). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ... — comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // process ended meanwhile
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length && out.length < 10_000) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function processInfo(pid: number): { pid: number; cmdline: string; rssKb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { pid, cmdline, rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}
