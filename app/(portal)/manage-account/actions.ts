"use server";

import { addUsersSchema, editUserSchema, setAccessSchema, userRefSchema } from "@/lib/accounts/schemas";
import { addUsers, editUserRoles, removeUser, setUserAccess } from "@/lib/accounts/users";
import { mutation } from "@/lib/actions/mutation";

const revalidate = ["/manage-account"];

export const addUsersAction = mutation(addUsersSchema, ({ tx, ctx, actor, input }) => addUsers(tx, ctx, actor, input), { revalidate });

export const editUserAction = mutation(editUserSchema, ({ tx, ctx, actor, input }) => editUserRoles(tx, ctx, actor, input), { revalidate });

export const removeUserAction = mutation(userRefSchema, ({ tx, ctx, actor, input }) => removeUser(tx, ctx, actor, input), { revalidate });

export const setUserAccessAction = mutation(setAccessSchema, ({ tx, ctx, actor, input }) => setUserAccess(tx, ctx, actor, input), {
  revalidate,
});
