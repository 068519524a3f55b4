import type { RunningServer } from "./server";

/** What a bench module gets: a freshly started, otherwise idle server on one database backend. */
export type BenchContext = {
  /** "pglite" or "postgres"; appended to every figure name. */
  backend: string;
  server: RunningServer;
  /** Environment the server was started with (so a module can start its own instance). */
  serverEnv: Record<string, string>;
  /** Prints `bench <name>_<backend>: <value> <unit>`. */
  report: (name: string, value: number, unit: string, decimals?: number) => void;
  /** A remark on stderr (skips, settings). */
  note: (message: string) => void;
};

/**
 * One file in scripts/bench/modules/ default-exports one of these. Modules run in file-name
 * order against the same server, right after it started (so put figures that need an idle
 * server first and load generators later).
 */
export type BenchModule = {
  name: string;
  description: string;
  run: (ctx: BenchContext) => Promise<void>;
};

/** A database the server can run on; `prepare` returns the server env or a reason to skip. */
export type BenchBackend = {
  name: string;
  prepare: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> } | { skip: string }>;
};
