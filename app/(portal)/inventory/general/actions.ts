"use server";

import { mutation } from "@/lib/actions/mutation";
import { createTokenSchema, revokeTokenSchema } from "@/lib/tokens/schemas";
import { createToken, revokeToken } from "@/lib/tokens/tokens";

/** W-4 `Create Token`: answers the new token's id and F-9 string for the `Token` dialog. */
export const createTokenAction = mutation(createTokenSchema, ({ tx, ctx, actor, input }) => createToken(tx, ctx, actor, input));

/** W-6 `Revoke Token`. */
export const revokeTokenAction = mutation(revokeTokenSchema, ({ tx, ctx, actor, input }) => revokeToken(tx, ctx, actor, input));
