import { type DatabaseHandle, openConfiguredDatabase, StartupError } from "@/db/client";

/** Runs a command-line task against the configured database, printing a clear line on failure. */
export async function withDatabase(task: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openConfiguredDatabase();
    await task(handle);
  } catch (err) {
    if (err instanceof StartupError || err instanceof CliError) console.error(err.message);
    else console.error(err);
    process.exitCode = 1;
  } finally {
    await handle?.close().catch(() => {});
  }
}

export class CliError extends Error {}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const eq = arg.indexOf("=");
    if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[arg.slice(2)] = argv[++i];
    else out[arg.slice(2)] = true;
  }
  return out;
}
