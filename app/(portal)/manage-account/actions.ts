"use server";

import {
  createVirtualAccount,
  editVirtualAccount,
  makeDefaultVirtualAccount,
  removeVirtualAccount,
} from "@/lib/accounts/manage-virtual-accounts";
import {
  addUsersSchema,
  createVirtualAccountSchema,
  editUserSchema,
  editVirtualAccountSchema,
  setAccessSchema,
  userRefSchema,
  virtualAccountRefSchema,
} from "@/lib/accounts/schemas";
import { addUsers, editUserRoles, removeUser, setUserAccess } from "@/lib/accounts/users";
import { mutation } from "@/lib/actions/mutation";

const revalidate = ["/manage-account"];

export const addUsersAction = mutation(addUsersSchema, ({ tx, ctx, actor, input }) => addUsers(tx, ctx, actor, input), { revalidate });

export const editUserAction = mutation(editUserSchema, ({ tx, ctx, actor, input }) => editUserRoles(tx, ctx, actor, input), { revalidate });

export const removeUserAction = mutation(userRefSchema, ({ tx, ctx, actor, input }) => removeUser(tx, ctx, actor, input), { revalidate });

export const setUserAccessAction = mutation(setAccessSchema, ({ tx, ctx, actor, input }) => setUserAccess(tx, ctx, actor, input), {
  revalidate,
});

export const createVirtualAccountAction = mutation(
  createVirtualAccountSchema,
  ({ tx, ctx, actor, input }) => createVirtualAccount(tx, ctx, actor, input),
  { revalidate },
);

export const editVirtualAccountAction = mutation(
  editVirtualAccountSchema,
  ({ tx, ctx, actor, input }) => editVirtualAccount(tx, ctx, actor, input),
  { revalidate },
);

export const makeDefaultVirtualAccountAction = mutation(
  virtualAccountRefSchema,
  ({ tx, ctx, actor, input }) => makeDefaultVirtualAccount(tx, ctx, actor, input),
  { revalidate },
);

export const removeVirtualAccountAction = mutation(
  virtualAccountRefSchema,
  ({ tx, ctx, actor, input }) => removeVirtualAccount(tx, ctx, actor, input),
  { revalidate },
);
