import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";
import { PID_PATTERN, SN_PATTERN, UDI_MSG } from "@/lib/formats/udi";
import { CONVERSION_MSG } from "./messages";


/** One list filter for S-21, S-22 and S-23 (route handlers and lib). */
export const conversionListSchema = z.object({
  sa: z.string().uuid(),
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type ConversionListFilter = z.infer<typeof conversionListSchema>;

const quantity = z.number().int().min(0);

/**
 * W-19 input. `available` is what the page showed for each line: a different value under the lock
 * means the PAK changed since (V-3).
 */
export const convertPakSchema = z.object({
  pakId: z.string().uuid(),
  destinationVaId: z.string().uuid(CONVERSION_MSG.chooseVa),
  lines: z.array(z.object({ pakLineId: z.string().uuid(), quantity, available: z.number().int().min(0) })).min(1),
});
export type ConvertPakInput = z.input<typeof convertPakSchema>;

/** W-20 input, from S-22 (DEVICE_WIZARD) or Traditional S-54 (LRP). */
export const convertDeviceSchema = z.object({
  deviceId: z.string().uuid(),
  destinationVaId: z.string().uuid(CONVERSION_MSG.chooseVa),
  lines: z.array(z.object({ lineId: z.string().uuid(), quantity })).min(1),
});
export type ConvertDeviceInput = z.input<typeof convertDeviceSchema>;

/** S-22 STEP 1 Device (V-59). */
export const deviceLookupSchema = z.object({
  sa: z.string().uuid(),
  family: z.string().trim().max(200).optional(),
  pid: z.string().trim().regex(PID_PATTERN, UDI_MSG.pid),
  sn: z.string().trim().regex(SN_PATTERN, UDI_MSG.sn),
});
export type DeviceLookup = z.infer<typeof deviceLookupSchema>;
