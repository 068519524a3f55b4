"use server";

import { mutation } from "@/lib/actions/mutation";
import { depositOrder } from "@/lib/ops/orders";
import { createPakSchema } from "@/lib/ops/pak-schema";
import { createPak } from "@/lib/ops/paks";
import { assignAdministratorSchema, createSmartAccountSchema, depositOrderSchema, setAccountFlagSchema } from "@/lib/ops/schemas";
import { assignFirstAdministrator, createSmartAccount, setAccountFlag } from "@/lib/ops/smart-accounts";

const revalidate = ["/ops"];

export const createSmartAccountAction = mutation(
  createSmartAccountSchema,
  ({ tx, ctx, actor, input }) => createSmartAccount(tx, ctx, actor, input),
  { revalidate },
);

export const assignAdministratorAction = mutation(
  assignAdministratorSchema,
  ({ tx, ctx, actor, input }) => assignFirstAdministrator(tx, ctx, actor, input),
  { revalidate },
);

export const setAccountFlagAction = mutation(setAccountFlagSchema, ({ tx, ctx, actor, input }) => setAccountFlag(tx, ctx, actor, input), {
  revalidate,
});

export const depositOrderAction = mutation(depositOrderSchema, ({ tx, ctx, actor, input }) => depositOrder(tx, ctx, actor, input), {
  revalidate,
});

export const createPakAction = mutation(createPakSchema, ({ tx, ctx, actor, input }) => createPak(tx, ctx, actor, input), { revalidate });
