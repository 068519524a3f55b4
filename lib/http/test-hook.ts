import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { config } from "@/lib/config";
import { json } from "./route";

/** test and demo hooks exist only with E2E=1 or DEMO_TOOLS=1; otherwise they answer 404. */
export function testHook(handler: (args: { body: Record<string, unknown>; db: Db; req: Request }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    if (!config.testHooks) return json(404, { message: "Not found." });
    let body: Record<string, unknown> = {};
    const text = await req.text();
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return json(400, { message: "Request body is not valid JSON." });
      }
    }
    return handler({ body, db: await getDb(), req });
  };
}
