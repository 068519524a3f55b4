import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";


/** S-26 list filter, shared by the list route and its tests. */
export const usageFileListSchema = z.object({
  sa: z.uuid(),
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type UsageFileListFilter = z.infer<typeof usageFileListSchema>;
