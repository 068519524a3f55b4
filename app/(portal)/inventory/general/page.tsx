import { InventoryPage } from "@/components/shell/cssm-page";
import { RegistrationTokens } from "@/components/tokens/registration-tokens";
import { getDb } from "@/db";
import { can } from "@/lib/access/context";
import { effectivePolicyName } from "@/lib/policy/effective";

export default function GeneralPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/general">
      {async ({ va, smartAccount, ctx }) => {
        const policy = await effectivePolicyName(await getDb(), va, smartAccount);
        return (
          <div className="space-y-6">
            <section aria-labelledby="s7-va" className="rounded border border-slate-200 bg-white p-4">
              <h2 id="s7-va" className="mb-3 text-base font-semibold">
                Virtual Account
              </h2>
              <dl className="grid grid-cols-[14rem_1fr] gap-y-1.5">
                <dt className="text-slate-500">Name</dt>
                <dd data-testid="s7-name">{va.name}</dd>
                <dt className="text-slate-500">Description</dt>
                <dd>{va.description || "-"}</dd>
                <dt className="text-slate-500">Default Virtual Account</dt>
                <dd>{va.isDefault ? "Yes" : "No"}</dd>
                <dt className="text-slate-500">Policy</dt>
                <dd>
                  <a href={`/reports/reporting-policy?va=${va.id}`} data-testid="s7-policy">
                    {policy}
                  </a>
                </dd>
              </dl>
            </section>
            <section aria-labelledby="s7-tokens">
              <h2 id="s7-tokens" className="mb-3 text-base font-semibold">
                Product Instance Registration Tokens
              </h2>
              <RegistrationTokens
                vaId={va.id}
                vaName={va.name}
                canCreate={can(ctx, "token.create", { saId: smartAccount.id, vaId: va.id })}
                exportAllowed={smartAccount.exportControlledAllowed}
              />
            </section>
          </div>
        );
      }}
    </InventoryPage>
  );
}
