import type { BenchModule } from "../types";

/** Time from spawning `npx tsx scripts/start.ts` (build already present) to the first 200 of /login. */
const coldStart: BenchModule = {
  name: "cold_start",
  description: "spawn of `npx tsx scripts/start.ts` on an empty database to the first HTTP 200 of /login",
  async run({ server, report, note }) {
    if (server.built) note("cold_start: start.ts rebuilt the app during this start (sources changed meanwhile), so this figure includes a build");
    report("cold_start_to_first_200", server.startMs, "ms");
  },
};
export default coldStart;
