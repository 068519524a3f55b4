import { ValidationError } from "@/lib/access/errors";
import { createUserFromCli } from "@/lib/accounts/create-user";
import { prepareDatabase } from "@/lib/server/prepare";
import { resolveAuthSecret } from "@/lib/secrets";
import { CliError, parseArgs, withDatabase } from "./cli";

// npm run user:create -- --email <e> --name <n> [--password <p>] [--licensing-ops] [--sa-admin <domain>]
const args = parseArgs(process.argv.slice(2));
const text = (v: string | true | undefined) => (typeof v === "string" ? v : undefined);

await withDatabase(async (handle) => {
  process.env.AUTH_SECRET ??= resolveAuthSecret();
  await prepareDatabase(handle, { seedDemo: false });
  try {
    const result = await createUserFromCli(handle.db, {
      email: text(args.email) ?? "",
      name: text(args.name) ?? "",
      password: args.password === true ? "" : text(args.password),
      licensingOps: args["licensing-ops"] === true,
      saAdmin: args["sa-admin"] === undefined ? undefined : (text(args["sa-admin"]) ?? ""),
    });
    console.log(`Created user ${result.ccoId}.`);
    if (result.generatedPassword) console.log(`Generated password: ${result.generatedPassword}`);
  } catch (err) {
    if (err instanceof ValidationError) throw new CliError(err.message);
    throw err;
  }
});
