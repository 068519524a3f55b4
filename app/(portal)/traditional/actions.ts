"use server";

import { z } from "zod";
import { mutation } from "@/lib/actions/mutation";
import { formatTimestamp } from "@/lib/format";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { addDevice, addDeviceSchema } from "@/lib/traditional/add-device";
import { addPaks, addPaksSchema } from "@/lib/traditional/add-paks";
import { assignSchema, assignToSmartAccount } from "@/lib/traditional/assign-to-smart-account";
import { fulfillPak, fulfillPakSchema, pakForFulfillment } from "@/lib/traditional/fulfill-pak";
import { hidePaks, hidePaksSchema } from "@/lib/traditional/hide-paks";
import { completeRehost, completeRehostSchema, issuePermissionTicket, permissionTicketSchema, rehostSource, rehostSourceSchema } from "@/lib/traditional/rehost-license";
import { replaceRmaDevice, rmaReview, rmaSchema } from "@/lib/traditional/replace-rma-device";
import { demoLicenseSchema, requestDemoLicense } from "@/lib/traditional/request-demo-license";
import { emailFileSchema, emailLicenseFile, emailLicenseLine, emailLineSchema, resendLicenses, resendSchema } from "@/lib/traditional/resend-licenses";

/** S-52 `Add New PAKs/Tokens...` (E-100). */
export const addPaksAction = mutation(addPaksSchema, ({ tx, ctx, actor, input }) => addPaks(tx, ctx, actor, { paks: input.paks.join("\n") }));

/** S-52 `Manage PAKs ▾` › `Hide` / `Unhide`. */
export const hidePaksAction = mutation(hidePaksSchema, ({ tx, ctx, input }) => hidePaks(tx, ctx, input));

/** S-53 step 1 `Fulfill`: reads the PAK's lines (V-50). */
export const lookupPakAction = mutation(z.object({ pak: z.string() }), ({ tx, ctx, input }) => pakForFulfillment(tx, ctx, input.pak));

/** S-53 `Get License` (W-43). */
export const fulfillPakAction = mutation(fulfillPakSchema, ({ tx, ctx, actor, input }) => fulfillPak(tx, ctx, actor, input));

/** S-59 `Get License` (W-44). */
export const demoLicenseAction = mutation(demoLicenseSchema, ({ tx, ctx, actor, input }) => requestDemoLicense(tx, ctx, actor, input));

/** S-54 `Add Device` (E-108). */
export const addDeviceAction = mutation(addDeviceSchema, ({ tx, ctx, actor, input }) => addDevice(tx, ctx, actor, input));

/** W-47 `Download license...`, `Email license...`, `Resend All for Device`, `Download Licenses`, `Email Selected` (E-106). */
export const resendLicensesAction = mutation(resendSchema, ({ tx, ctx, actor, input }) => resendLicenses(tx, ctx, actor, input));

/** Result panel `Email` (S-53, S-56, S-57, S-59). */
export const emailLicenseFileAction = mutation(emailFileSchema, ({ tx, ctx, input }) => emailLicenseFile(tx, ctx, input));

/** S-55 row `Email`. */
export const emailLicenseLineAction = mutation(emailLineSchema, ({ tx, ctx, input }) => emailLicenseLine(tx, ctx, input));

/** S-56 step 1 `Next`: the credential check (V-56) and the rehostable lines. */
export const rehostSourceAction = mutation(rehostSourceSchema, async ({ tx, ctx, input }) => {
  const { lines } = await rehostSource(tx, ctx, input);
  const tz = await userTimeZone(tx, ctx.user.id);
  return lines.map(({ id, feature, version, count, pak, issuedAt }) => ({ id, feature, version, count, pak, issuedAt: formatTimestamp(issuedAt, tz) }));
});

/** S-56 `Get Permission Ticket` (E-103). */
export const issuePermissionTicketAction = mutation(permissionTicketSchema, ({ tx, ctx, actor, input }) => issuePermissionTicket(tx, ctx, actor, input));

/** S-56 step 4 `Submit` (V-57, E-104). */
export const completeRehostAction = mutation(completeRehostSchema, ({ tx, ctx, actor, input }) => completeRehost(tx, ctx, actor, input));

/** S-57 step 1 `Next`: the V-58 checks and the failed device's lines. */
export const rmaReviewAction = mutation(rmaSchema, async ({ tx, ctx, input }) => {
  const { lines } = await rmaReview(tx, ctx, input);
  const tz = await userTimeZone(tx, ctx.user.id);
  return lines.map((l) => ({ id: l.id, feature: l.feature, type: l.type, count: l.count, expiresAt: formatTimestamp(l.expiresAt, tz) }));
});

/** S-57 `Submit` (W-46, E-105). */
export const replaceRmaDeviceAction = mutation(rmaSchema, ({ tx, ctx, actor, input }) => replaceRmaDevice(tx, ctx, actor, input));

/** W-48 `Assign to Smart Account...` (E-107, E-45). */
export const assignToSmartAccountAction = mutation(assignSchema, ({ tx, ctx, actor, input }) => assignToSmartAccount(tx, ctx, actor, input));
