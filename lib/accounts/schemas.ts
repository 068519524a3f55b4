import { z } from "zod";

// Shared by the S-33 forms (browser), the server actions and the REST API (V-1).
export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.");
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Name must be 1 to 80 characters.")
  .max(80, "Name must be 1 to 80 characters.");
export const passwordSchema = z
  .string()
  .min(8, "Password must be 8 to 128 characters.")
  .max(128, "Password must be 8 to 128 characters.");

export const saRoleChoice = z.enum(["NONE", "SA_ADMIN", "SA_USER", "SA_VIEWER"]);
export const vaRoleGrant = z.object({
  virtualAccountId: z.string().uuid(),
  role: z.enum(["VA_ADMIN", "VA_USER", "VA_VIEWER"]),
});

export const addUsersSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("existing"),
    smartAccountId: z.string().uuid(),
    login: z.string().trim().min(1, "No user found with that email or username."),
    saRole: saRoleChoice.default("NONE"),
    vaRoles: z.array(vaRoleGrant).default([]),
  }),
  z.object({
    mode: z.literal("new"),
    smartAccountId: z.string().uuid(),
    email: emailSchema,
    name: displayNameSchema,
    password: passwordSchema,
    saRole: saRoleChoice.default("NONE"),
    vaRoles: z.array(vaRoleGrant).default([]),
  }),
]);
export type AddUsersInput = z.infer<typeof addUsersSchema>;

export const editUserSchema = z.object({
  smartAccountId: z.string().uuid(),
  userId: z.string().uuid(),
  saRole: saRoleChoice,
  vaRoles: z.array(vaRoleGrant),
});
export type EditUserInput = z.infer<typeof editUserSchema>;

export const userRefSchema = z.object({ smartAccountId: z.string().uuid(), userId: z.string().uuid() });
export const setAccessSchema = userRefSchema.extend({ enabled: z.boolean() });

// V-10: trimmed, 1..80, none of / \ ? # % or control characters; uniqueness is checked in the database.
export const vaNameSchema = z
  .string()
  .trim()
  .min(1, "Virtual account name is required.")
  .max(80, "Virtual account name must be 80 characters or fewer.")
  .refine((s) => !/[/\\?#%\u0000-\u001f\u007f]/.test(s), "Virtual account name cannot contain / \\ ? # or %.");
export const vaDescriptionSchema = z.string().trim().max(255, "Description must be 255 characters or fewer.").default("");

export const createVirtualAccountSchema = z.object({
  smartAccountId: z.string().uuid(),
  name: vaNameSchema,
  description: vaDescriptionSchema,
  users: z.array(z.object({ userId: z.string().uuid(), role: z.enum(["VA_ADMIN", "VA_USER", "VA_VIEWER"]) })).default([]),
});
export type CreateVirtualAccountInput = z.infer<typeof createVirtualAccountSchema>;

export const editVirtualAccountSchema = z.object({
  virtualAccountId: z.string().uuid(),
  name: vaNameSchema,
  description: vaDescriptionSchema,
});
export const virtualAccountRefSchema = z.object({ virtualAccountId: z.string().uuid() });
