"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { canAccessSmartAccount } from "@/lib/access/context";
import { currentAccess } from "@/lib/auth/session";
import { setHideAlerts } from "@/lib/preferences/hide-alerts";

const schema = z.object({ smartAccountId: z.string().uuid(), hide: z.boolean() });

/** S-6 `Hide Alerts` / `Hidden`: a personal display preference (D-28), so no event is written. */
export async function saveHideAlerts(raw: z.input<typeof schema>): Promise<{ ok: boolean; error?: string }> {
  const ctx = await currentAccess();
  const input = schema.safeParse(raw);
  if (!ctx) return { ok: false, error: "Your session has ended. Log in again." };
  if (!input.success || !canAccessSmartAccount(ctx, input.data.smartAccountId)) return { ok: false, error: "This item was not found." };
  await setHideAlerts(await getDb(), ctx.user.id, input.data.smartAccountId, input.data.hide);
  return { ok: true };
}
