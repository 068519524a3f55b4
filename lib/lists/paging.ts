import { z } from "zod";

/** S-0: the page sizes every paginated table offers. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** `page` and `pageSize` of a list request, coerced from the query string (spread into a list schema). */
export const pagingFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(10),
};

/** A search term inside a LIKE pattern: `%`, `_` and `\` match themselves. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => "\\" + c);
}
