"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { type ActionResult, failureOf, mutation, SIGNED_OUT } from "@/lib/actions/mutation";
import { currentAccess } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { forgetDemoBadge } from "@/lib/seed/demo-badge";
import { resetDemoData } from "@/lib/seed/reset";
import { editSimUsage } from "@/lib/simulator/devices";
import { type EditUsageInput, editUsageSchema } from "@/lib/simulator/schemas";

const NOT_FOUND: ActionResult<never> = { ok: false, error: "This item was not found.", notFound: true };

const editUsage = mutation(editUsageSchema, ({ tx, input }) => editSimUsage(tx, input));

/** S-60 `Edit Usage`. */
export async function editSimUsageAction(input: EditUsageInput): Promise<ActionResult<Record<string, number>>> {
  if (!config.demoTools) return NOT_FOUND;
  return editUsage(input);
}

/** S-60 `Reset Demo Data` (W-59): the same reset as A-25, at the clock's now. */
export async function resetDemoDataAction(): Promise<ActionResult<{ t0: string }>> {
  if (!config.demoTools) return NOT_FOUND;
  if (!(await currentAccess())) return { ok: false, error: SIGNED_OUT };
  try {
    const t0 = now();
    await resetDemoData(await getDb(), "demo", t0);
    forgetDemoBadge();
    revalidatePath("/", "layout");
    return { ok: true, data: { t0: t0.toISOString() } };
  } catch (err) {
    return failureOf(err);
  }
}
