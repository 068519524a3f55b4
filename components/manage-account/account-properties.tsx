import type { SmartAccount } from "@/db/schema";

const TYPE_LABEL = { CUSTOMER: "Customer", PARTNER: "Partner", HOLDING: "Holding" } as const;

/** S-33 Account Properties (read-only; Licensing Operations edits them in S-34). */
export function AccountProperties({ sa }: { sa: SmartAccount }) {
  const rows: [string, string][] = [
    ["Account Name", sa.name],
    ["Domain", sa.domain],
    ["Account Id", sa.accountId],
    ["Account Type", TYPE_LABEL[sa.accountType]],
    ["Export-Controlled Functionality", sa.exportControlledAllowed ? "Allowed" : "Not Allowed"],
    ["License Reservation", sa.reservationEnabled ? "Enabled" : "Disabled"],
    ["Permanent License Reservation", sa.plrEnabled ? "Enabled" : "Disabled"],
  ];
  return (
    <section aria-label="Account Properties" className="max-w-2xl rounded border border-slate-200 bg-white p-4">
      <dl className="grid grid-cols-[16rem_1fr] gap-y-1.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
