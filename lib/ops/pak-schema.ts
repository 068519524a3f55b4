import { z } from "zod";
import { pagingFields } from "@/lib/lists/paging";

/** V-50: 11 uppercase alphanumerics after trimming and upper-casing. */
export const PAK_RE = /^[A-Z0-9]{11}$/;
/** F-15 PID pattern (V-59). */
const PID_RE = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");
const optionalId = z.union([z.string().uuid(), z.literal("")]).default("");

/** `ASR1001-X, ASR1002-X` (commas, semicolons or spaces) → the PIDs; each must match F-15. */
const allowedPids = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const pids = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
    if (pids.some((p) => !PID_RE.test(p))) ctx.addIssue({ code: "custom", message: "Enter a valid product ID." });
    return pids;
  });

// D-17 pak_lines: a SKU of the D-27 sku_map (whose values the form proposes) or a free one.
export const pakLineSchema = z
  .object({
    sku: z.string().trim().min(1, "SKU is required.").max(40, "SKU must be 40 characters or fewer."),
    description: z.string().trim().max(200, "Description must be 200 characters or fewer.").default(""),
    productFamily: z.string().trim().min(1, "Product family is required.").max(100, "Product family must be 100 characters or fewer."),
    allowedPids,
    featureName: z.string().trim().min(1, "Feature name is required.").max(80, "Feature name must be 80 characters or fewer."),
    featureVersion: z.string().trim().regex(/^\d+(\.\d+)*$/, "Enter a feature version such as 1.0.").default("1.0"),
    /** The smart equivalent; "" = none. */
    licenseDefinitionId: optionalId,
    licenseType: z.enum(["PERPETUAL", "TERM"]),
    termEnd: isoDate.or(z.literal("")).default(""),
    quantity: z.coerce.number().int("Quantity must be a whole number.").min(1, "Quantity must be at least 1.").max(1_000_000, "Quantity must be at most 1000000."),
  })
  .refine((l) => l.licenseType === "PERPETUAL" || Boolean(l.termEnd), { message: "Term licenses need a term end date.", path: ["termEnd"] });

// S-34 `New PAK...` (D-17 paks).
export const createPakSchema = z
  .object({
    /** Empty: the server generates one. */
    pak: z
      .string()
      .trim()
      .toUpperCase()
      .refine((p) => p === "" || PAK_RE.test(p), "Enter a valid 11-character PAK.")
      .default(""),
    type: z.enum(["STANDARD", "BULK", "DEMO"]).default("STANDARD"),
    orderNumber: z.string().trim().regex(/^\d{6,12}$/, "Enter an order number of 6 to 12 digits."),
    orderDate: isoDate,
    /** Email or CCO id of an existing user; empty leaves the PAK unowned (S-52 lets a user add it). */
    owner: z.string().trim().max(254, "No user found with that email or username.").default(""),
    smartAccountId: optionalId,
    virtualAccountId: optionalId,
    partialFulfillment: z.boolean().default(true),
    lines: z.array(pakLineSchema).min(1, "Add at least one line."),
  })
  .refine((p) => !p.virtualAccountId || Boolean(p.smartAccountId), {
    message: "Choose the Smart Account of this virtual account.",
    path: ["smartAccountId"],
  });
export type CreatePakInput = z.infer<typeof createPakSchema>;
export type CreatePakForm = z.input<typeof createPakSchema>;

// S-34 PAKs list filter.
export const pakListSchema = z.object({
  q: z.string().trim().max(200).optional(),
  ...pagingFields,
});
export type PakListFilter = z.infer<typeof pakListSchema>;
