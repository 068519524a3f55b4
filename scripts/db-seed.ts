import { prepareDatabase } from "@/lib/server/prepare";
import { resolveAuthSecret } from "@/lib/secrets";
import { withDatabase } from "./cli";

/** DD-1: seeds the demo data into an empty database. */
await withDatabase(async (handle) => {
  process.env.AUTH_SECRET ??= resolveAuthSecret();
  const { seeded } = await prepareDatabase(handle, { seedDemo: true });
  console.log(seeded ? "Demo data seeded." : "The database already holds data; nothing was seeded.");
});
