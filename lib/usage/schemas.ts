import { z } from "zod";

export const USAGE_PAGE_SIZES = [10, 25, 50, 100] as const;

/** S-26 list filter, shared by the list route and its tests. */
export const usageFileListSchema = z.object({
  sa: z.uuid(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (USAGE_PAGE_SIZES as readonly number[]).includes(n))
    .default(10),
});
export type UsageFileListFilter = z.infer<typeof usageFileListSchema>;
