"use server";

import { mutation } from "@/lib/actions/mutation";
import { assignPolicy, createPolicy, editPolicy, publishPolicy } from "@/lib/policy/manage";
import { assignPolicySchema, editPolicySchema, policyFormSchema, publishPolicySchema } from "@/lib/policy/schemas";

// S-34 Policies (W-53): Licensing Operations only; each lib function re-checks that on the server.
const revalidate = ["/ops", "/reports", "/inventory"];

export const createPolicyAction = mutation(policyFormSchema, ({ tx, ctx, actor, input }) => createPolicy(tx, ctx, actor, input), { revalidate });

export const editPolicyAction = mutation(editPolicySchema, ({ tx, ctx, actor, input }) => editPolicy(tx, ctx, actor, input), { revalidate });

export const publishPolicyAction = mutation(publishPolicySchema, ({ tx, ctx, actor, input }) => publishPolicy(tx, ctx, actor, input), {
  revalidate,
});

export const assignPolicyAction = mutation(assignPolicySchema, ({ tx, ctx, actor, input }) => assignPolicy(tx, ctx, actor, input), { revalidate });
