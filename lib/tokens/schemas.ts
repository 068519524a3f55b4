import { z } from "zod";

// V-11a..V-11d: shared by the S-8 form (browser), the server actions and the REST API.
export const TOKEN_MSG = {
  expireAfter: "Enter a number of days between 1 and 365.",
  maxUses: "Maximum uses must be a whole number between 1 and 1000000.",
  description: "Description must be 100 characters or fewer.",
  exportControlled: "This Smart Account is not allowed to use export-controlled functionality.",
  reason: "Reason must be 255 characters or fewer.",
} as const;

const toNumber = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v.trim())) : v);
const wholeNumber = (message: string, min: number, max: number) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

export const createTokenSchema = z.object({
  virtualAccountId: z.string().uuid(),
  description: z.string().trim().max(100, TOKEN_MSG.description).default(""),
  expireAfter: z.preprocess(toNumber, wholeNumber(TOKEN_MSG.expireAfter, 1, 365)),
  maxUses: z.preprocess(
    (v) => (v === "" || v === undefined ? null : toNumber(v)),
    wholeNumber(TOKEN_MSG.maxUses, 1, 1_000_000).nullable(),
  ),
  /** Absent: the Smart Account's `export_controlled_allowed` decides (the S-8 checkbox is hidden then). */
  exportControlled: z.boolean().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({
  tokenId: z.string().uuid(),
  reason: z.string().trim().max(255, TOKEN_MSG.reason).default(""),
});
export type RevokeTokenInput = z.infer<typeof revokeTokenSchema>;
