import { ValidationError } from "@/lib/access/errors";

/**
 * Reads an uploaded request body, refusing it as soon as it passes `maxMb` (V-20 wording) rather
 * than after buffering it whole.
 */
export async function readUpload(req: Request, maxMb: number): Promise<Uint8Array> {
  const max = maxMb * 1024 * 1024;
  const tooLarge = () => new ValidationError(`The file is larger than ${maxMb} MB.`);
  if (Number(req.headers.get("content-length")) > max) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (size === 0) throw new ValidationError("The file is empty.");
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
