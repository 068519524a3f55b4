import type { SigningKey } from "@/lib/signing/keys";
import { signDataWith, signedElementXml } from "@/lib/signing/document";
import { usageTar } from "@/lib/usage/format/tar-writer";

type UdiJson = { udi_pid: string; udi_serial_number: string };

export type AckReport = { udi: UdiJson; report_id: number | null; status: "ACK" | "DROPPED" | "ERROR"; message: string };
export type AckTrustCode = { udi: UdiJson; status: "ISSUED" | "FAILED"; trust_code: string | null; issued_at: number | null; message: string };
export type AckSubscription = { udi: UdiJson; entitlement_tag: string; subscription_id: string };
export type AckElement = { element: string; udi: UdiJson | null; status: "ERROR"; message: string };

export type AckInput = {
  ackId: string;
  issuedAt: Date;
  smartAccount: { name: string; domain: string; accountId: string };
  virtualAccount: { name: string; vaNumericId: string };
  source: { fileName: string; channel: string };
  ackRequired: boolean;
  reports: AckReport[];
  trustCodes: AckTrustCode[];
  subscriptions: AckSubscription[];
  dlc: unknown[];
  authorizations: unknown[];
  elements: AckElement[];
  policy: { id: string; name: string; version: number };
  nextReportDue: { udi: UdiJson; dueAt: Date | null }[];
};

/** F-3: every `data` key in the order written, and no other. */
export const ACK_DATA_KEYS = [
  "version",
  "type",
  "ack_id",
  "issued_at",
  "smart_account",
  "virtual_account",
  "source",
  "ack_required",
  "reports",
  "trust_codes",
  "subscriptions",
  "dlc",
  "authorizations",
  "elements",
  "policy",
  "next_report_due",
] as const;

/** The F-3 `data` JSON (JCS-canonicalised when signed); empty arrays stay `[]`. */
export function ackData(a: AckInput) {
  return {
    version: "1.0",
    type: "rum_ack",
    ack_id: a.ackId,
    issued_at: a.issuedAt.getTime(),
    smart_account: { name: a.smartAccount.name, domain: a.smartAccount.domain, account_id: a.smartAccount.accountId },
    virtual_account: { name: a.virtualAccount.name, virtual_account_id: a.virtualAccount.vaNumericId },
    source: { file_name: a.source.fileName, channel: a.source.channel },
    ack_required: a.ackRequired,
    reports: a.reports,
    trust_codes: a.trustCodes,
    subscriptions: a.subscriptions,
    dlc: a.dlc,
    authorizations: a.authorizations,
    elements: a.elements,
    policy: { policy_id: a.policy.id, name: a.policy.name, version: a.policy.version },
    next_report_due: a.nextReportDue.map((n) => ({ udi: n.udi, due_at: n.dueAt ? n.dueAt.getTime() : null })),
  };
}

/**
 * The F-3 document: one signed `<smartLicenseRumAck>` (ES256 over the JCS of `data`, F-4), then
 * the VA's signed `<smartLicensePolicy>` (F-5 inner element).
 */
export function ackXml(key: SigningKey, data: ReturnType<typeof ackData>, policyElementXml: string): string {
  const rumAck = signedElementXml("smartLicenseRumAck", signDataWith(key, data));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<smartLicense>\n  ${rumAck}\n  ${policyElementXml}\n</smartLicense>\n`;
}

/** F-3 tar in → tar out: `manifest.mf` (`ACK-For`, `Smart-Account`) and one `ACK_{member base}.xml` each. */
export function ackTar(uploadName: string, smartAccount: string, members: { name: string; xml: string }[], gzip: boolean): Promise<Buffer> {
  return usageTar({
    createdBy: "OpenSSM",
    extraGlobal: { "ACK-For": uploadName, "Smart-Account": smartAccount },
    members: members.map((m) => ({ name: m.name, content: m.xml })),
    gzip,
  });
}

/** `ACK_{member base}.xml`, unique within the tar (`-2`, `-3`… for repeated base names). */
export function ackMemberNames(memberNames: string[]): string[] {
  const seen = new Map<string, number>();
  return memberNames.map((name) => {
    const base = (name.split("/").pop() ?? name).replace(/\.(xml|txt)$/i, "");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `ACK_${base}${n > 1 ? `-${n}` : ""}.xml`;
  });
}
