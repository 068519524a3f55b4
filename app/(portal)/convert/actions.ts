"use server";

import { mutation } from "@/lib/actions/mutation";
import { convertDeviceLicenses } from "@/lib/conversion/device-licenses";
import { convertPak } from "@/lib/conversion/paks";
import { convertDeviceSchema, convertPakSchema } from "@/lib/conversion/schemas";

const revalidate = ["/convert", "/inventory"];

/** S-21 `Convert Licenses` (W-19). */
export const convertPakAction = mutation(convertPakSchema, ({ tx, ctx, actor, input }) => convertPak(tx, ctx, actor, input), { revalidate });

/** S-22 `License Conversion Wizard` › `Convert Licenses` (W-20, DEVICE_WIZARD). */
export const convertDeviceLicensesAction = mutation(
  convertDeviceSchema,
  ({ tx, ctx, actor, input }) => convertDeviceLicenses(tx, ctx, actor, input, "DEVICE_WIZARD"),
  { revalidate },
);

/** Traditional S-54 `Convert to Smart Entitlements` › `Submit` (W-20, LRP). */
export const convertToSmartEntitlementsAction = mutation(
  convertDeviceSchema,
  ({ tx, ctx, actor, input }) => convertDeviceLicenses(tx, ctx, actor, input, "LRP"),
  { revalidate: [...revalidate, "/traditional"] },
);
