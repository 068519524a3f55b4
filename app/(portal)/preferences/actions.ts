"use server";

import { mutation } from "@/lib/actions/mutation";
import { preferencesSchema, savePreferences } from "@/lib/preferences/notifications";

/** W-56: S-29 `Save`. */
export const savePreferencesAction = mutation(
  preferencesSchema,
  async ({ tx, input, ctx }) => {
    await savePreferences(tx, ctx, input);
    return null;
  },
  { revalidate: ["/preferences"] },
);
