import { prepareDatabase } from "@/lib/server/prepare";
import { resolveAuthSecret } from "@/lib/secrets";
import { withDatabase } from "./cli";

/** Applies migrations and loads reference data; never seeds demo data. */
await withDatabase(async (handle) => {
  process.env.AUTH_SECRET ??= resolveAuthSecret();
  await prepareDatabase(handle, { seedDemo: false });
  console.log(`Database is up to date (${handle.driver}).`);
});
