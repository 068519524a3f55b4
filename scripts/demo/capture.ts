import path from "node:path";
import type { Page } from "@playwright/test";
import type { ShotOptions } from "./types";

const OVERLAY_ID = "__openssm_demo_caption";

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "frame";
}

/** Lets navigation, fetches and fonts settle (bounded) so a frame shows the finished page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load", { timeout: 15_000 }).catch(() => {});
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => {});
  await page.evaluate(() => document.fonts?.ready.then(() => undefined)).catch(() => {});
  await page.waitForTimeout(150);
}

/** Draws the caption banner (fixed, on top, ignoring the pointer) into the page. */
async function drawCaption(page: Page, title: string, caption: string, index: number): Promise<void> {
  await page.evaluate(
    ({ id, title, caption, index }) => {
      document.getElementById(id)?.remove();
      const banner = document.createElement("div");
      banner.id = id;
      banner.setAttribute("aria-hidden", "true");
      Object.assign(banner.style, {
        position: "fixed",
        left: "0",
        right: "0",
        bottom: "0",
        zIndex: "2147483647",
        pointerEvents: "none",
        padding: "14px 24px 16px",
        background: "rgba(15, 23, 42, 0.92)",
        color: "#fff",
        font: "500 20px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        boxShadow: "0 -2px 12px rgba(0,0,0,0.35)",
        borderTop: "4px solid #0284c7",
      });
      const head = document.createElement("div");
      Object.assign(head.style, { font: "600 13px/1.4 system-ui, sans-serif", color: "#7dd3fc", letterSpacing: "0.04em", textTransform: "uppercase", marginBottom: "4px" });
      head.textContent = `${title} · step ${index}`;
      const body = document.createElement("div");
      body.textContent = caption;
      banner.append(head, body);
      document.body.appendChild(banner);
    },
    { id: OVERLAY_ID, title, caption, index },
  );
}

async function removeCaption(page: Page): Promise<void> {
  await page.evaluate((id) => document.getElementById(id)?.remove(), OVERLAY_ID).catch(() => {});
}

/** Returns the `shot` function of a tour: numbered, captioned screenshots in `outDir`. */
export function screenshotter(page: Page, outDir: string, title: string, frames: string[]) {
  return async (caption: string, options: ShotOptions = {}): Promise<string> => {
    const index = frames.length + 1;
    const file = path.join(outDir, `${String(index).padStart(2, "0")}-${options.slug ? slugify(options.slug) : slugify(caption)}.png`);
    await settle(page);
    await drawCaption(page, title, caption, index);
    try {
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: "disabled", caret: "hide" });
    } finally {
      await removeCaption(page);
    }
    frames.push(file);
    return file;
  };
}
