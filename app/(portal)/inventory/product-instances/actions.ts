"use server";

import { mutation } from "@/lib/actions/mutation";
import { removeProductInstance } from "@/lib/inventory/remove";
import { removePiSchema, transferPiSchema } from "@/lib/inventory/schemas";
import { transferProductInstance } from "@/lib/inventory/transfer";

const revalidate = ["/inventory"];

export const transferProductInstanceAction = mutation(
  transferPiSchema,
  ({ tx, ctx, actor, input }) => transferProductInstance(tx, ctx, actor, input),
  { revalidate },
);

export const removeProductInstanceAction = mutation(
  removePiSchema,
  ({ tx, ctx, actor, input }) => removeProductInstance(tx, ctx, actor, input),
  { revalidate },
);
