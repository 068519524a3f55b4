import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";

export const PI_SORT_COLUMNS = ["name", "productType", "lastContact", "alerts"] as const;
export type PiSortColumn = (typeof PI_SORT_COLUMNS)[number];

/** S-15 list filter; shared by the list route, the CSV export and the bench. */
export const piListSchema = z.object({
  va: z.string().uuid(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(PI_SORT_COLUMNS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...pagingFields,
});
export type PiListFilter = z.infer<typeof piListSchema>;

/** W-8: `fromVirtualAccountId` is the VA the user saw the instance in (V-3 when it moved since). */
export const transferPiSchema = z.object({
  productInstanceId: z.string().uuid(),
  fromVirtualAccountId: z.string().uuid(),
  targetVirtualAccountId: z.string().uuid("Choose a virtual account."),
});

/** W-9 without an authorization. */
export const removePiSchema = z.object({
  productInstanceId: z.string().uuid(),
  fromVirtualAccountId: z.string().uuid(),
});
