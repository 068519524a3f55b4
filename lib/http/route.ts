import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { currentAccess } from "@/lib/auth/session";

export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Route handlers for the UI (`/api/ui/*`): signed-in only; errors become plain JSON messages. */
export function uiRoute(handler: (args: { req: Request; ctx: AccessContext; db: Db; url: URL }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const ctx = await currentAccess();
    if (!ctx) return json(401, { message: "Your session has ended. Log in again." });
    try {
      return await handler({ req, ctx, db: await getDb(), url: new URL(req.url) });
    } catch (err) {
      if (err instanceof NotFoundError) return json(404, { message: "Not found." });
      if (err instanceof ForbiddenError) return json(403, { message: err.message });
      if (err instanceof ValidationError) return json(400, { message: err.message });
      if (err instanceof z.ZodError) return json(400, { message: err.issues[0]?.message ?? "Invalid request." });
      console.error("[openssm] route failed:", err);
      return json(500, { message: "Something went wrong. Please try again." });
    }
  };
}

export function searchParamsObject(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ""));
}
