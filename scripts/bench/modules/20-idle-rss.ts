import { processInfo, processTree } from "../server";
import { envInt, sleep } from "../stats";
import type { BenchModule } from "../types";

/**
 * Resident memory once the server is up and idle: `idle_rss` is the next-server process and
 * its children (VmRSS from /proc/<pid>/status); `idle_rss_tree` also counts the npx/tsx
 * wrappers of scripts/start.ts that stay alive as parents.
 */
const idleRss: BenchModule = {
  name: "idle_rss",
  description: "VmRSS of the next-server process (and children) after start, idle",
  async run({ server, report, note }) {
    await sleep(envInt("BENCH_IDLE_SETTLE_MS", 5000));
    const tree = processTree(server.pid)
      .map(processInfo)
      .filter((p): p is NonNullable<typeof p> => p !== null);
    const nextServer =
      tree.find((p) => p.cmdline.startsWith("next-server")) ?? tree.find((p) => /next\/dist\/bin\/next\s+start/.test(p.cmdline));
    if (!nextServer) throw new Error(`No next-server process under pid ${server.pid}: ${tree.map((p) => p.cmdline).join(" | ")}`);
    const serverPids = new Set(processTree(nextServer.pid));
    const serverKb = tree.filter((p) => serverPids.has(p.pid)).reduce((sum, p) => sum + p.rssKb, 0);
    const treeKb = tree.reduce((sum, p) => sum + p.rssKb, 0);
    const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
    note(`idle_rss: next-server pid ${nextServer.pid} (+${serverPids.size - 1} children); tree: ${tree.map((p) => `${p.cmdline.slice(0, 40)} ${mb(p.rssKb)}`).join("; ")}`);
    report("idle_rss", serverKb / 1024, "MB", 1);
    report("idle_rss_tree", treeKb / 1024, "MB", 1);
  },
};
export default idleRss;
