import { envInt, percentile } from "../stats";
import type { BenchModule } from "../types";

/** GET /login, one request after another (each body read fully), wall-clock per request. */
const loginLatency: BenchModule = {
  name: "login_latency",
  description: "p50/p95 of 200 sequential GET /login",
  async run({ server, report, note }) {
    const n = Math.min(envInt("BENCH_LOGIN_REQUESTS", 200), 100_000);
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.baseUrl}/login`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET /login answered ${res.status} on request ${i + 1}.`);
      samples.push(ms);
    }
    note(`login_latency: ${n} sequential requests, min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
    report("login_p50", percentile(samples, 50), "ms", 1);
    report("login_p95", percentile(samples, 95), "ms", 1);
  },
};
export default loginLatency;
