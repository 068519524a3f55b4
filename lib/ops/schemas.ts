import { z } from "zod";

const DOMAIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

// V-10a
export const createSmartAccountSchema = z.object({
  name: z.string().trim().min(1, "Smart Account name is required.").max(100, "Smart Account name must be 100 characters or fewer."),
  domain: z
    .string()
    .trim()
    .min(3, "Enter a valid domain, such as example.com.")
    .max(253, "Enter a valid domain, such as example.com.")
    .regex(DOMAIN_RE, "Enter a valid domain, such as example.com."),
  exportControlledAllowed: z.boolean().default(true),
  reservationEnabled: z.boolean().default(false),
  plrEnabled: z.boolean().default(false),
  autoConversion: z.boolean().default(false),
  administratorEmail: z.string().trim().optional().default(""),
});
export type CreateSmartAccountInput = z.infer<typeof createSmartAccountSchema>;

export const assignAdministratorSchema = z.object({
  smartAccountId: z.string().uuid(),
  email: z.string().trim().min(1, "No user found with that email."),
});

export const ACCOUNT_FLAGS = {
  exportControlledAllowed: { label: "Export-Controlled Functionality", on: "Allowed", off: "Not Allowed" },
  reservationEnabled: { label: "License Reservation", on: "Enabled", off: "Disabled" },
  plrEnabled: { label: "Permanent License Reservation", on: "Enabled", off: "Disabled" },
  autoConversion: { label: "Auto Conversion", on: "Enabled", off: "Disabled" },
} as const;
export type AccountFlag = keyof typeof ACCOUNT_FLAGS;

export const setAccountFlagSchema = z.object({
  smartAccountId: z.string().uuid(),
  flag: z.enum(Object.keys(ACCOUNT_FLAGS) as [AccountFlag, ...AccountFlag[]]),
  value: z.boolean(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");

// W-52: an order and its lines; each line becomes one lot and one ORDER ledger row.
export const orderLineSchema = z
  .object({
    licenseDefinitionId: z.string().uuid("Choose a license."),
    sku: z.string().trim().min(1, "SKU is required.").max(40, "SKU must be 40 characters or fewer."),
    quantity: z.coerce.number().int("Quantity must be a whole number.").min(1, "Quantity must be at least 1.").max(1_000_000, "Quantity must be at most 1000000."),
    licenseType: z.enum(["PERPETUAL", "TERM", "SUBSCRIPTION", "DEMO"]),
    startDate: isoDate.optional().or(z.literal("")).default(""),
    endDate: isoDate.optional().or(z.literal("")).default(""),
    subscriptionId: z.string().trim().max(40).optional().default(""),
    pendingUpgrade: z.boolean().default(false),
  })
  .refine((l) => !l.startDate || !l.endDate || l.startDate <= l.endDate, { message: "The end date must not be before the start date.", path: ["endDate"] })
  .refine((l) => l.licenseType === "PERPETUAL" || Boolean(l.endDate), { message: "Term, subscription and demo licenses need an end date.", path: ["endDate"] });

export const depositOrderSchema = z.object({
  smartAccountId: z.string().uuid("Choose a Smart Account."),
  virtualAccountId: z.string().uuid("Choose a virtual account."),
  orderNumber: z.string().trim().regex(/^\d{6,12}$/, "Enter an order number of 6 to 12 digits."),
  orderDate: isoDate,
  lines: z.array(orderLineSchema).min(1, "Add at least one line."),
});
export type DepositOrderInput = z.infer<typeof depositOrderSchema>;
