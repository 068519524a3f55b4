import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function hasFfmpeg(): boolean {
  const r = spawnSync("ffmpeg", ["-version"], { stdio: "ignore" });
  return !r.error && r.status === 0;
}

/**
 * Assembles `frames` into an H.264 MP4 with each frame shown `secondsPerFrame` (concat demuxer;
 * frames are padded to the largest size so full-page shots fit).
 */
export function framesToVideo(frames: string[], output: string, secondsPerFrame = 2): void {
  if (frames.length === 0) throw new Error("No frames to assemble.");
  const list = path.join(path.dirname(output), ".frames.txt");
  const quote = (p: string) => `'${path.resolve(p).replace(/'/g, "'\\''")}'`;
  const lines: string[] = [];
  for (const f of frames) lines.push(`file ${quote(f)}`, `duration ${secondsPerFrame}`);
  lines.push(`file ${quote(frames[frames.length - 1])}`); // the concat demuxer drops the last duration otherwise
  fs.writeFileSync(list, lines.join("\n") + "\n");
  try {
    const sizes = frames.map(pngSize);
    const w = even(Math.max(...sizes.map((s) => s.width)));
    const h = even(Math.max(...sizes.map((s) => s.height)));
    const r = spawnSync(
      "ffmpeg",
      [
        "-y", "-hide_banner", "-loglevel", "error",
        "-f", "concat", "-safe", "0", "-i", list,
        "-vf", `scale=w=${w}:h=${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:0:0:white,fps=10,format=yuv420p`,
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-movflags", "+faststart",
        output,
      ],
      { encoding: "utf8", timeout: 5 * 60_000 },
    );
    if (r.error || r.status !== 0) throw new Error(`ffmpeg failed: ${r.error?.message ?? r.stderr}`);
  } finally {
    fs.rmSync(list, { force: true });
  }
}

const even = (n: number) => n + (n % 2);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(24);
    fs.readSync(fd, buf, 0, 24, 0);
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}
