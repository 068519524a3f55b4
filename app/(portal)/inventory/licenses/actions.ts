"use server";

import { mutation } from "@/lib/actions/mutation";
import { assignLicenseTag, assignTagSchema, createLicenseTag, createTagSchema, deleteLicenseTag, deleteTagSchema, renameLicenseTag, renameTagSchema } from "@/lib/licensing/tags";
import { transferLicenses, transferLicensesSchema } from "@/lib/licensing/transfer";
import { upgradeLicenses, upgradeLicensesSchema } from "@/lib/licensing/upgrade";

const revalidate = ["/inventory"];

/** S-11 `Transfer` (W-7). */
export const transferLicensesAction = mutation(transferLicensesSchema, ({ tx, ctx, actor, input }) => transferLicenses(tx, ctx, actor, input), { revalidate });

/** S-12 `Manage License Tags`. */
export const createLicenseTagAction = mutation(createTagSchema, ({ tx, ctx, actor, input }) => createLicenseTag(tx, ctx, actor, input));
export const renameLicenseTagAction = mutation(renameTagSchema, ({ tx, ctx, actor, input }) => renameLicenseTag(tx, ctx, actor, input));
export const deleteLicenseTagAction = mutation(deleteTagSchema, ({ tx, ctx, actor, input }) => deleteLicenseTag(tx, ctx, actor, input));
export const assignLicenseTagAction = mutation(assignTagSchema, ({ tx, ctx, actor, input }) => assignLicenseTag(tx, ctx, actor, input));

/** S-14 `Upgrade Licenses` › `Submit` (W-22). */
export const upgradeLicensesAction = mutation(upgradeLicensesSchema, ({ tx, ctx, actor, input }) => upgradeLicenses(tx, ctx, actor, input), { revalidate });
