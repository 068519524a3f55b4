import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ValidationError } from "@/lib/access/errors";
import { usageConfig } from "./config";
import type { UploadSource } from "./inspect";
import { v20TooLarge } from "./messages";

export type ReceivedUpload = { source: UploadSource; cleanup(): Promise<void> };

/**
 * §0.5: an upload body is streamed into a temporary file, never buffered whole, counting its size
 * as it arrives and stopping at N MiB (V-20). The temporary file goes away with `cleanup`.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, contentLength: number | null): Promise<ReceivedUpload> {
  const max = usageConfig.maxUploadBytes;
  const tooLarge = () => new ValidationError(v20TooLarge(usageConfig.maxUploadMb), "file");
  if (contentLength !== null && contentLength > max) throw tooLarge();
  const file = path.join(os.tmpdir(), `openssm-upload-${randomBytes(8).toString("hex")}`);
  const cleanup = () => rm(file, { force: true });
  const out = createWriteStream(file, { mode: 0o600 });
  const hash = createHash("sha256");
  const headParts: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > max) {
          await reader.cancel().catch(() => {});
          throw tooLarge();
        }
        const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        hash.update(chunk);
        if (headSize < 512) {
          headParts.push(chunk.subarray(0, 512 - headSize));
          headSize += Math.min(chunk.length, 512 - headSize);
        }
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
      }
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    await cleanup();
    throw err;
  }
  return {
    source: {
      sizeBytes: size,
      head: Buffer.concat(headParts),
      open: () => createReadStream(file),
      bytes: () => readFile(file),
      sha256: hash.digest("hex"),
    },
    cleanup,
  };
}
