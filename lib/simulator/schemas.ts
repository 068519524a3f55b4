import { z } from "zod";

/** S-60 simulator inputs, shared by the `/dev` forms and the server. */
export const simDeviceIdSchema = z.object({ deviceId: z.string().uuid() });

export const saveUsageFileSchema = simDeviceIdSchema.extend({
  includeTrustRequest: z.boolean().default(false),
  includeDlc: z.boolean().default(false),
});
export type SaveUsageFileInput = z.infer<typeof saveUsageFileSchema>;

const COUNT_MESSAGE = "Enter a whole number from 0 to 1000000.";

export const editUsageSchema = simDeviceIdSchema.extend({
  licenses: z
    .array(
      z.object({
        entitlementTag: z.string().trim().min(1, "Choose a license."),
        // An empty field is no count, not 0.
        count: z.preprocess(
          (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
          z.coerce.number({ message: COUNT_MESSAGE }).int(COUNT_MESSAGE).min(0, COUNT_MESSAGE).max(1_000_000, COUNT_MESSAGE),
        ),
      }),
    )
    .max(100, "A device can report at most 100 licenses.")
    .refine((rows) => new Set(rows.map((r) => r.entitlementTag)).size === rows.length, "Each license can be listed once."),
});
export type EditUsageInput = z.infer<typeof editUsageSchema>;
