import { describe, expect, it } from "vitest";
import { readUpload } from "./upload";

const MB = 1024 * 1024;
const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://localhost/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function stream(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(65));
      else controller.close();
    },
  });
}

describe("readUpload", () => {
  it("returns the body", async () => {
    expect(new TextDecoder().decode(await readUpload(post("a,b\r\n1,2"), 1))).toBe("a,b\r\n1,2");
    expect((await readUpload(post(stream(4, MB / 4)), 1)).byteLength).toBe(MB);
  });

  it("refuses an empty body", async () => {
    await expect(readUpload(post(""), 1)).rejects.toThrow("The file is empty.");
    await expect(readUpload(post(null), 1)).rejects.toThrow("The file is empty.");
  });

  it("refuses a body over the limit, by its declared length or while reading it", async () => {
    await expect(readUpload(post("x", { "content-length": String(2 * MB) }), 1)).rejects.toThrow("The file is larger than 1 MB.");
    await expect(readUpload(post(stream(5, MB / 4)), 1)).rejects.toThrow("The file is larger than 1 MB.");
  });
});
