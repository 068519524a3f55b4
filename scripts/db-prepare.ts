import { config } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/prepare";
import { withDatabase } from "./cli";

/** Run by `npm start` in its own process, so the server's parent does not keep PGlite's memory. */
await withDatabase(async (handle) => {
  const { seeded } = await prepareDatabase(handle);
  console.log(
    `[openssm] Database ready (${handle.driver}${config.databaseUrl ? "" : ` in ${config.dataDir}`})${seeded ? "; demo data seeded" : ""}.`,
  );
});
