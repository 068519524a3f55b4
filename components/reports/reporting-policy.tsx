import { CATEGORY_LABELS, POLICY_CATEGORIES } from "@/lib/policy/categories";
import type { EffectivePolicy, SourcedValue } from "@/lib/policy/document";
import { DownloadButton } from "./download-button";
import { VaDropdown } from "./va-dropdown";

const ROWS = [
  { key: "first", label: "First report requirement (days)" },
  { key: "frequency", label: "Reporting frequency (days)" },
  { key: "on_change", label: "Report on change (days)" },
] as const;

const sourced = (v: SourcedValue) => `${v.value} (${v.source})`;

/** S-27 Reports › Reporting Policy: the VA's effective policy (P-4) as a read-only card, and `Download` (F-5). */
export function ReportingPolicyView({
  vas,
  va,
  policy,
}: {
  vas: { id: string; name: string }[];
  va: { id: string; name: string };
  policy: EffectivePolicy;
}) {
  return (
    <section aria-label="Reporting Policy">
      <VaDropdown vas={vas} selectedId={va.id} testId="s27-virtual-account" />
      <div className="max-w-3xl rounded border border-slate-200 bg-white p-4" data-testid="s27-policy-card">
        <dl className="grid grid-cols-[18rem_1fr] gap-y-1.5">
          <dt className="text-slate-500">Policy name</dt>
          <dd data-testid="s27-policy-name">{policy.name}</dd>
          <dt className="text-slate-500">Reporting ACK required</dt>
          <dd data-testid="s27-ack-required">{`${policy.ackRequired.value ? "Yes" : "No"} (${policy.ackRequired.source})`}</dd>
        </dl>
        {POLICY_CATEGORIES.map((c) => (
          <section key={c} aria-label={CATEGORY_LABELS[c]} className="mt-4 border-t border-slate-100 pt-3" data-testid={`s27-category-${c}`}>
            <h3 className="mb-1 font-semibold">{CATEGORY_LABELS[c]}</h3>
            <dl className="grid grid-cols-[18rem_1fr] gap-y-1">
              {ROWS.map((r) => (
                <div key={r.key} className="contents">
                  <dt className="text-slate-500">{r.label}</dt>
                  <dd data-testid={`s27-${c}-${r.key.replace("_", "-")}`}>{sourced(policy.categories[c][r.key])}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="mt-4">
        <DownloadButton href={`/api/ui/reports/reporting-policy?va=${va.id}`} label="Download" testId="s27-download" />
      </div>
    </section>
  );
}
