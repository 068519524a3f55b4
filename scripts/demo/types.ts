import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { DemoHooks } from "./hooks";

export type ShotOptions = {
  /** File-name slug (default: derived from the caption). */
  slug?: string;
  /** Whole scrollable page instead of the viewport (frames of different sizes are padded in the video). */
  fullPage?: boolean;
};

export type TourContext = {
  /** A fresh browser context per tour (1280×800, baseURL set: `page.goto("/login")` works). */
  page: Page;
  context: BrowserContext;
  browser: Browser;
  baseUrl: string;
  /** demo-output/<tour>/ */
  outDir: string;
  /** Draws `caption` as a banner over the page, saves `NN-<slug>.png`, removes the banner. */
  shot: (caption: string, options?: ShotOptions) => Promise<string>;
  /** A-25 hooks: reset, clock, run-jobs, and session login without the form. */
  hooks: DemoHooks;
  /** Logs in `email` in this browser context through POST /api/test/login (no form). */
  loginAs: (email: string) => Promise<void>;
  log: (message: string) => void;
};

/**
 * A tour is one file in e2e/demos/ that default-exports this. Before `run`, the clock is pinned
 * to DEMO_NOW and the demo data reset, so every tour starts from the same state.
 */
export type Tour = {
  /** Output folder name and `--tour` value: lowercase, digits, dashes. */
  name: string;
  /** Shown in every caption banner. */
  title: string;
  description: string;
  /** Tours run in ascending order (then by name); default 100. */
  order?: number;
  run: (ctx: TourContext) => Promise<void>;
};
