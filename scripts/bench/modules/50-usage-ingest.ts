import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { type DatabaseHandle, type Db, migrateDatabase, openPglite, openPostgres } from "@/db/client";
import { jobs, roleAssignments, smartAccounts, usageDataFiles, users, virtualAccounts } from "@/db/schema";
import { type AccessContext, loadAccess } from "@/lib/access/context";
import type { Actor } from "@/lib/events/record";
import { listProductInstances } from "@/lib/inventory/list";
import { piListSchema } from "@/lib/inventory/schemas";
import { entitlementTag, loadReferenceData } from "@/lib/seed/reference";
import { ensureSigningKey } from "@/lib/signing/keys";
import { bulkInsert } from "@/lib/sql/bulk";
import { rumEnvelope, rumPayload, usageXml } from "@/lib/usage/format/rum-writer";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { bufferSource } from "@/lib/usage/inspect";
import { processUsageFile } from "@/lib/usage/process/run";
import { listUsageFiles } from "@/lib/usage/query";
import { receiveUpload } from "@/lib/usage/receive";
import { usageFileListSchema } from "@/lib/usage/schemas";
import { acceptUsageUpload } from "@/lib/usage/upload";
import { DEFAULT_BENCH_DATABASE_URL } from "../backends";
import { envInt, percentile, sleep } from "../stats";
import type { BenchContext, BenchModule } from "../types";

const SA = "0b5e7c1a-0000-4000-8000-000000000051";
const VA = "0b5e7c1a-0000-4000-8000-000000000052";
const USER = "0b5e7c1a-0000-4000-8000-000000000053";
const LICENSES = [19, 20, 21, 22, 1];
const PID = "C8300-1N1S-4T2X";

/** A fresh database of the module's own (in-memory PGlite, or a new PostgreSQL database). */
async function openFresh(backend: string): Promise<DatabaseHandle> {
  if (backend === "pglite") return openPglite();
  const base = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const name = `openssm_bench_usage_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(base);
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const inner = await openPostgres(url.toString());
  return {
    ...inner,
    close: async () => {
      await inner.close();
      const again = await openPostgres(base);
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    },
  };
}

/**
 * CPU seconds (user + sys) of the PostgreSQL backends serving this database, read from /proc when
 * the server runs on this machine (null otherwise): less sensitive to load than wall time.
 */
async function backendCpuSeconds(h: DatabaseHandle): Promise<number | null> {
  if (h.driver !== "postgres") return null;
  const rows = (await h.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { pid: number }[];
  try {
    let ticks = 0;
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

async function prepare(db: Db): Promise<AccessContext> {
  await db.insert(users).values({ id: USER, email: "bench@example.com", ccoId: "bench-admin", displayName: "Bench" });
  await db.insert(smartAccounts).values({ id: SA, accountId: "900051", name: "Bench SA", domain: "bench-usage.example.com" });
  await db.insert(virtualAccounts).values({ id: VA, smartAccountId: SA, vaNumericId: "900052", name: "Bench VA", isDefault: true });
  await db.insert(roleAssignments).values({ userId: USER, smartAccountId: SA, role: "SA_ADMIN" });
  await ensureSigningKey(db);
  return (await loadAccess(db, USER))!;
}

/** One CSLU-style member per device (`dev_{SN}_{epoch}.xml`), `licenses` signed RUM reports each. */
function deviceXml(sn: string, firstId: number, end: number): string {
  const udi = { udiPid: PID, udiSn: sn };
  return usageXml(
    LICENSES.map((n, i) => {
      const payload = rumPayload({ ...udi, shape: "B", reportId: firstId + i, entitlementTag: entitlementTag(n), softwareVersion: "17.09.04a", measurements: [{ startTime: end - 86_400, endTime: end, count: 1 }] });
      return { element: "RUMReport" as const, body: rumEnvelope(payload, udi) };
    }),
  );
}

async function bundle(devices: number, prefix: string, end: number): Promise<Buffer> {
  const members = Array.from({ length: devices }, (_, d) => {
    const sn = `${prefix}${String(d).padStart(7, "0")}`;
    return { name: `dev_${sn}_${end}.xml`, content: deviceXml(sn, 1_000_000 + d * 10, end), va: "Bench VA" };
  });
  return usageTar({ smartAccount: "Bench SA", createdBy: "CSLU 2.0.0 (bench)", members, gzip: true });
}

/** The physical limit: the same number of rows into rum_reports with the driver's bulk path (COPY). */
async function copyBaseline(h: DatabaseHandle, rows: number, at: Date): Promise<number> {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push([randomUUID(), SA, VA, PID, `COPY${String(Math.floor(i / 5)).padStart(7, "0")}`, 5_000_000 + i, "VERIFIED", "ACK", "UPLOAD", at.toISOString(), 1].join("\t"));
  }
  const text = lines.join("\n") + "\n";
  const columns = "(id, smart_account_id, virtual_account_id, udi_pid, udi_sn, report_id, signature_status, status, received_via, received_at, count)";
  const client = (h.db as unknown as { $client: unknown }).$client;
  const t0 = performance.now();
  if (h.driver === "pglite") {
    const pg = client as { query: (q: string, p: unknown[], o: { blob: Blob }) => Promise<unknown> };
    await pg.query(`copy rum_reports ${columns} from '/dev/blob'`, [], { blob: new Blob([text]) });
  } else {
    const pg = client as { unsafe: (q: string) => { writable: () => Promise<NodeJS.WritableStream> } };
    const stream = await pg.unsafe(`copy rum_reports ${columns} from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", () => resolve());
      stream.end(text);
    });
  }
  return performance.now() - t0;
}

async function insertPis(db: Db, n: number, prefix: string, at: Date): Promise<number> {
  const t0 = performance.now();
  await bulkInsert(db, "product_instances", [
    ["virtual_account_id", "uuid", Array.from({ length: n }, () => VA)],
    ["smart_account_id", "uuid", Array.from({ length: n }, () => SA)],
    ["udi_pid", "text", Array.from({ length: n }, () => PID)],
    ["udi_sn", "text", Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(7, "0")}`)],
    ["product_type", "text", Array.from({ length: n }, () => "CAT8300")],
    ["registration_date", "timestamptz", Array.from({ length: n }, () => at)],
  ]);
  return performance.now() - t0;
}

/** A ~N MiB uncompressed tar: many members with the same usage document (only the sync stage runs). */
async function bigUpload(mib: number, end: number): Promise<Buffer> {
  const doc = usageXml(
    Array.from({ length: 60 }, (_, i) => {
      const udi = { udiPid: PID, udiSn: `BIG${String(i).padStart(5, "0")}` };
      return { element: "RUMReport" as const, body: rumEnvelope(rumPayload({ ...udi, shape: "B", reportId: 7_000_000 + i, entitlementTag: entitlementTag(19), measurements: [{ startTime: end - 60, endTime: end, count: 1 }] }), udi) };
    }),
  );
  const count = Math.floor((mib * 1024 * 1024) / (Buffer.byteLength(doc) + 512));
  return usageTar({ members: Array.from({ length: count }, (_, i) => ({ name: `dev_BIG${i}_${end}.xml`, content: doc })) });
}

async function run(ctx: BenchContext): Promise<void> {
  process.env.USAGE_PROCESSING_DELAY_MS = "0";
  const devices = envInt("BENCH_USAGE_DEVICES", 10_000);
  const bigMib = envInt("BENCH_USAGE_UPLOAD_MB", 95);
  const h = await openFresh(ctx.backend);
  try {
    await migrateDatabase(h);
    await loadReferenceData(h.db);
    const access = await prepare(h.db);
    const actor: Actor = { kind: "user", userId: USER, ccoId: "bench-admin" };
    const at = new Date();
    const end = Math.floor(at.getTime() / 1000) - 3600;

    let t = performance.now();
    const bytes = await bundle(devices, "FDOB", end);
    ctx.note(`usage_ingest: wrote ${devices} devices × ${LICENSES.length} reports (${(bytes.length / 1048576).toFixed(1)} MiB tar.gz) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const up = await acceptUsageUpload(h.db, access, actor, bufferSource(bytes), { smartAccountId: SA, fileName: "UD_bench.tar.gz" });
    ctx.report("usage_upload_sync_stage", (performance.now() - t) / 1000, "s", 2);

    // Pollers: the S-26 list (what the uploader watches) and the S-15 list (someone browsing inventory).
    let processing = true;
    const s26: number[] = [];
    const s15: number[] = [];
    const poll = (async () => {
      while (processing) {
        let t1 = performance.now();
        await listUsageFiles(h.db, access, usageFileListSchema.parse({ sa: SA }));
        s26.push(performance.now() - t1);
        t1 = performance.now();
        await listProductInstances(h.db, access, piListSchema.parse({ va: VA, page: 1, pageSize: 10 }));
        s15.push(performance.now() - t1);
        await sleep(50);
      }
    })();
    const [job] = await h.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, `usage-file:${up.id}`));
    const pgCpuBefore = await backendCpuSeconds(h);
    const cpuBefore = process.cpuUsage();
    t = performance.now();
    await processUsageFile(h.db, up.id, { jobId: job.id });
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpuAfter = await backendCpuSeconds(h);
    processing = false;
    await poll;
    const [file] = await h.db.select({ status: usageDataFiles.status, devices: usageDataFiles.deviceCount, ack: sql<number>`length(${usageDataFiles.ackBlob})` }).from(usageDataFiles).where(eq(usageDataFiles.id, up.id));
    if (file.status !== "NO_ERRORS" || file.devices !== devices) throw new Error(`usage_ingest: file ended ${file.status} with ${file.devices} devices.`);
    const reports = devices * LICENSES.length;
    ctx.report("usage_ingest_to_ack", ms / 1000, "s", 2);
    ctx.report("usage_ingest_reports_per_s", reports / (ms / 1000), "reports/s");
    ctx.report("usage_list_p95_while_processing", percentile(s26, 95), "ms", 1);
    ctx.report("pi_list_p95_while_processing", percentile(s15, 95), "ms", 1);
    ctx.note(`usage_ingest: Node CPU while processing ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, includes the pollers)`);
    if (pgCpuBefore !== null && pgCpuAfter !== null) ctx.note(`usage_ingest: PostgreSQL backend CPU while processing ${(pgCpuAfter - pgCpuBefore).toFixed(2)} s (backends alive at the end)`);
    ctx.note(`usage_ingest: ${s26.length} list requests during processing; ACK tar.gz ${(file.ack / 1024).toFixed(0)} KiB`);

    // S-15's trigram index is most of what a new product instance costs: 10,000 PIs in one bulk
    // statement with it, then without it (dropped in this private database only).
    const withTrgm = await insertPis(h.db, devices, "TRGA", at);
    await h.db.execute(sql`drop index if exists product_instances_search_trgm`);
    const withoutTrgm = await insertPis(h.db, devices, "TRGB", at);
    ctx.report("pi_bulk_insert_with_trgm", withTrgm / 1000, "s", 2);
    ctx.report("pi_bulk_insert_without_trgm", withoutTrgm / 1000, "s", 2);

    const copyMs = await copyBaseline(h, reports, at);
    ctx.report("rum_reports_copy_baseline", copyMs / 1000, "s", 2);
    ctx.report("usage_ingest_vs_copy_ratio", ms / copyMs, "x", 1);

    // RSS growth of the upload path for a large file: the body streams into a temp file, the
    // synchronous stage parses it member by member and stores the (compressed) original.
    const big = await bigUpload(bigMib, end);
    global.gc?.();
    await sleep(200);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= big.length) return controller.close();
        controller.enqueue(new Uint8Array(big.subarray(offset, offset + 64 * 1024)));
        offset += 64 * 1024;
      },
    });
    t = performance.now();
    const received = await receiveUpload(body, big.length);
    try {
      await acceptUsageUpload(h.db, access, actor, received.source, { smartAccountId: SA, fileName: "UD_big.tar" });
    } finally {
      await received.cleanup();
      clearInterval(sampler);
    }
    ctx.report("usage_upload_100mb_sync_stage", (performance.now() - t) / 1000, "s", 2);
    ctx.report("usage_upload_100mb_rss_growth", (peak - before) / 1048576, "MiB");
    ctx.note(`usage_ingest: large upload ${(big.length / 1048576).toFixed(1)} MiB (the 4 × N MiB budget and the 100 MiB limit apply)`);
  } finally {
    await h.close();
  }
}

/**
 * W-10 at scale, in a database of its own: a 10,000-device gzip bundle (50,000 RUM reports)
 * through the synchronous stage and the chunked job to a downloadable ACK, with list latencies
 * measured while it runs; a COPY of as many rum_reports rows as the physical limit; and the RSS
 * growth of a ~100 MB upload's synchronous stage.
 */
const usageIngest: BenchModule = {
  name: "usage_ingest",
  description: "W-10: 50,000 RUM reports (10,000 devices) from upload to ACK, vs COPY; list p95 meanwhile; RSS of a 100 MB upload",
  run,
};
export default usageIngest;
