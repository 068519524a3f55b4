import type { RoleName } from "@/db/schema";

export const ROLE_LABELS: Record<RoleName, string> = {
  SA_ADMIN: "Smart Account Administrator",
  SA_USER: "Smart Account User",
  SA_VIEWER: "Smart Account Viewer",
  VA_ADMIN: "Virtual Account Administrator",
  VA_USER: "Virtual Account User",
  VA_VIEWER: "Virtual Account Viewer",
};

export const SA_ROLES = ["SA_ADMIN", "SA_USER", "SA_VIEWER"] as const satisfies RoleName[];
export const VA_ROLES = ["VA_ADMIN", "VA_USER", "VA_VIEWER"] as const satisfies RoleName[];
export type SaRole = (typeof SA_ROLES)[number];
export type VaRole = (typeof VA_ROLES)[number];

export function isSaRole(role: RoleName): role is SaRole {
  return (SA_ROLES as readonly string[]).includes(role);
}

/**
 * D-3 permission matrix: the roles that allow each action. VA roles count only inside their VA;
 * `licensingOpsRead` marks the `✓ (read)` column.
 */
export const PERMISSIONS = {
  view: { roles: ["SA_ADMIN", "SA_USER", "SA_VIEWER", "VA_ADMIN", "VA_USER", "VA_VIEWER"], licensingOpsRead: true },
  "token.create": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "token.revoke": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN"] },
  "license.transfer": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN"] },
  "pi.transfer": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "pi.remove": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "usage.upload": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "slac.authorize": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "reservation.manage": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "license.convert": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN"] },
  "tags.manage": { roles: ["SA_ADMIN", "SA_USER"] },
  "alert.dismiss": { roles: ["SA_ADMIN", "SA_USER", "VA_ADMIN", "VA_USER"] },
  "va.manage": { roles: ["SA_ADMIN"] },
  "users.manage": { roles: ["SA_ADMIN", "VA_ADMIN"] },
  "account.manage": { roles: ["SA_ADMIN"] },
  "reports.run": {
    roles: ["SA_ADMIN", "SA_USER", "SA_VIEWER", "VA_ADMIN", "VA_USER", "VA_VIEWER"],
    licensingOpsRead: true,
  },
} as const satisfies Record<string, { roles: readonly RoleName[]; licensingOpsRead?: boolean }>;

export type Action = keyof typeof PERMISSIONS;
