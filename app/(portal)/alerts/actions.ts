"use server";

import { z } from "zod";
import { mutation } from "@/lib/actions/mutation";
import { dismissAlert } from "@/lib/alerts/dismiss";

/** W-57 `Actions ▾ › Dismiss` (Minor and Informational alerts only). */
export const dismissAlertAction = mutation(
  z.object({ alertId: z.string().uuid() }),
  async ({ tx, input, ctx, actor }) => {
    await dismissAlert(tx, ctx, actor, input.alertId);
    return null;
  },
  { revalidate: ["/inventory"] },
);
