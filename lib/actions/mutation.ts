import "server-only";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import type { Tx } from "@/db/client";
import type { AccessContext } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, ValidationError } from "@/lib/access/errors";
import { currentAccess } from "@/lib/auth/session";
import type { Actor } from "@/lib/events/record";
import { retryOnConflict } from "@/lib/sql/retry";
import { fieldErrorsFromZod } from "./field-errors";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; notFound?: boolean };

export const GENERIC_FAILURE = "Something went wrong, and nothing was changed. Please try again.";
export const SIGNED_OUT = "Your session has ended. Log in again.";

export function actorOf(ctx: AccessContext): Actor {
  return { kind: "user", userId: ctx.user.id, ccoId: ctx.user.ccoId, licensingOps: ctx.user.licensingOps };
}

/** Maps thrown domain errors to what the user reads; a failure has rolled back the transaction. */
export function failureOf(err: unknown): ActionResult<never> {
  if (err instanceof NotFoundError) return { ok: false, error: "This item was not found.", notFound: true };
  if (err instanceof ForbiddenError) return { ok: false, error: err.message || PERMISSION_DENIED };
  if (err instanceof ValidationError) {
    return err.field
      ? { ok: false, error: err.message, fieldErrors: { [err.field]: err.message } }
      : { ok: false, error: err.message };
  }
  console.error("[openssm] mutation failed:", err);
  return { ok: false, error: GENERIC_FAILURE };
}

/**
 * The one shape of every mutation (STYLE §2): session → zod → one transaction in which the
 * domain function checks access (D-3), writes its change and its event → revalidate.
 */
export function mutation<S extends z.ZodType, R>(
  schema: S,
  run: (args: { tx: Tx; input: z.infer<S>; ctx: AccessContext; actor: Actor }) => Promise<R>,
  options: { revalidate?: string[] } = {},
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    const ctx = await currentAccess();
    if (!ctx) return { ok: false, error: SIGNED_OUT };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromZod(parsed.error);
      return { ok: false, error: Object.values(fieldErrors)[0], fieldErrors };
    }
    try {
      const db = await getDb();
      const data = await retryOnConflict(() => db.transaction((tx) => run({ tx, input: parsed.data, ctx, actor: actorOf(ctx) })));
      for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
      return { ok: true, data };
    } catch (err) {
      if (err instanceof Error && (err.message === "NEXT_REDIRECT" || "digest" in err)) throw err;
      return failureOf(err);
    }
  };
}
