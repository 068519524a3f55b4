import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { ensureBuild, REPO_ROOT, startServer, stopAll, type RunningServer } from "./bench/server";
import { screenshotter, settle } from "./demo/capture";
import { DEMO_NOW, demoHooks } from "./demo/hooks";
import { loadTours } from "./demo/registry";
import type { TourContext } from "./demo/types";
import { framesToVideo, hasFfmpeg } from "./demo/video";

/**
 * `npm run demo`: start a fresh instance (temp data folder, free port, E2E=1 DEMO_TOOLS=1),
 * pin the clock to DEMO_NOW, and run the tours in e2e/demos/. Each tour writes captioned
 * screenshots `demo-output/<tour>/NN-<slug>.png` and `demo-output/<tour>/<tour>.mp4`.
 *
 *   npm run demo -- --tour shell     only this tour (repeatable, or comma-separated)
 *   npm run demo -- --list           list the tours
 *   npm run demo -- --out DIR        write somewhere else than demo-output/
 *
 * Env: DEMO_CHROMIUM (default /usr/bin/chromium), DEMO_SECONDS_PER_FRAME (2), KEEP_TMP=1.
 */

function argValues(flag: string): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && argv[i + 1]) out.push(...argv[++i].split(","));
    else if (argv[i].startsWith(flag + "=")) out.push(...argv[i].slice(flag.length + 1).split(","));
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

const log = (message: string) => console.log(`[demo] ${message}`);

async function main(): Promise<number> {
  const tours = await loadTours();
  if (process.argv.includes("--list")) {
    for (const t of tours) console.log(`${t.name}: ${t.title} — ${t.description}`);
    return 0;
  }
  const wanted = argValues("--tour");
  const unknown = wanted.filter((w) => !tours.some((t) => t.name === w));
  if (unknown.length) {
    console.error(`[demo] Unknown tour: ${unknown.join(", ")}. Tours: ${tours.map((t) => t.name).join(", ")}.`);
    return 2;
  }
  const selected = wanted.length ? tours.filter((t) => wanted.includes(t.name)) : tours;
  if (selected.length === 0) {
    console.error("[demo] No tours in e2e/demos/.");
    return 2;
  }
  const outRoot = path.resolve(REPO_ROOT, argValues("--out")[0] ?? "demo-output");
  const executablePath = process.env.DEMO_CHROMIUM || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    console.error(`[demo] Chromium not found at ${executablePath} (set DEMO_CHROMIUM).`);
    return 1;
  }
  const secondsPerFrame = Number(process.env.DEMO_SECONDS_PER_FRAME) > 0 ? Number(process.env.DEMO_SECONDS_PER_FRAME) : 2;
  const ffmpeg = hasFfmpeg();
  if (!ffmpeg) log("ffmpeg not found: writing screenshots only, no videos (install it with `apt-get install -y ffmpeg`).");

  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  const failed: string[] = [];
  try {
    await ensureBuild(log);
    log("starting a fresh OpenSSM instance…");
    server = await startServer({ env: { E2E: "1", DEMO_TOOLS: "1" }, label: "demo", log });
    log(`server up on ${server.baseUrl} after ${(server.startMs / 1000).toFixed(1)} s (log: ${server.logFile})`);
    const hooks = demoHooks(server.baseUrl);
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    for (const tour of selected) {
      const outDir = path.join(outRoot, tour.name);
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.mkdirSync(outDir, { recursive: true });
      log(`tour ${tour.name}: ${tour.title}`);
      await hooks.pinClock(DEMO_NOW);
      await hooks.reset("demo");

      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        locale: "en-US",
        timezoneId: "UTC",
      });
      context.setDefaultTimeout(20_000);
      context.setDefaultNavigationTimeout(60_000);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (err) => pageErrors.push(err.message));
      const frames: string[] = [];
      const baseUrl = server.baseUrl;
      const ctx: TourContext = {
        page,
        context,
        browser,
        baseUrl,
        outDir,
        shot: screenshotter(page, outDir, tour.title, frames),
        hooks,
        log: (m) => log(`  ${tour.name}: ${m}`),
        loginAs: async (email) => {
          const cookie = await hooks.login(email);
          await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl }]);
        },
      };
      try {
        await tour.run(ctx);
        log(`  ${frames.length} screenshots in ${path.relative(REPO_ROOT, outDir)}/`);
      } catch (err) {
        failed.push(tour.name);
        console.error(`[demo] tour ${tour.name} failed at ${page.url()}: ${(err as Error).message}`);
        await settle(page);
        await page.screenshot({ path: path.join(outDir, "failure.png") }).catch(() => {});
      } finally {
        if (pageErrors.length) log(`  ${tour.name}: ${pageErrors.length} page error(s) in the browser, first: ${pageErrors[0]}`);
        await context.close();
      }
      if (ffmpeg && frames.length) {
        const video = path.join(outDir, `${tour.name}.mp4`);
        try {
          framesToVideo(frames, video, secondsPerFrame);
          log(`  video ${path.relative(REPO_ROOT, video)} (${frames.length} frames × ${secondsPerFrame} s)`);
        } catch (err) {
          failed.push(`${tour.name} (video)`);
          console.error(`[demo] video for ${tour.name} failed: ${(err as Error).message}`);
        }
      }
    }
  } catch (err) {
    console.error(`[demo] ${(err as Error).message}`);
    if (server) console.error(`[demo] last server output:\n${server.logTail()}`);
    return 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  if (failed.length) {
    console.error(`[demo] failed: ${failed.join(", ")}`);
    return 1;
  }
  log(`done: ${selected.map((t) => t.name).join(", ")} → ${path.relative(REPO_ROOT, outRoot) || "."}/`);
  return 0;
}

main()
  .catch((err) => {
    console.error(`[demo] ${(err as Error).stack ?? err}`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
