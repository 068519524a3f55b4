import Link from "next/link";
import { REPORT_TABS } from "@/components/reports/report-tabs";
import { SigningKeysTable } from "@/components/reports/signing-keys-table";
import { CssmPage } from "@/components/shell/cssm-page";
import { TabNav } from "@/components/shell/tab-nav";
import { getDb } from "@/db";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { publishedSigningKeys } from "@/lib/signing/keys";

/** S-26a Reports › Usage Data Files › Signing Keys: the public keys behind every signed document (F-4). */
export default function SigningKeysPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/reports/usage-data-files/signing-keys">
      {async ({ ctx }) => {
        const db = await getDb();
        const [keys, tz] = await Promise.all([publishedSigningKeys(db), userTimeZone(db, ctx.user.id)]);
        return (
          <div>
            <TabNav tabs={REPORT_TABS} label="Reports" small keepQuery={["va"]} />
            <div className="space-y-3 pt-4">
              <Link href="/reports/usage-data-files" data-testid="s26a-back-to-usage-data-files">
                Back to Usage Data Files
              </Link>
              <h2 className="text-base font-semibold">Signing Keys</h2>
              <p className="max-w-3xl text-slate-600">
                These public keys sign ACKs, policy files and the other signed documents. The current key signs everything new; retired
                keys stay listed so files they signed can still be checked. The same keys are published without sign-in at{" "}
                <a href="/.well-known/openssm/signing-keys.pem">/.well-known/openssm/signing-keys.pem</a> and{" "}
                <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>; <code>npm run verify-ack</code> checks a file offline.
              </p>
              <SigningKeysTable keys={keys} tz={tz} />
            </div>
          </div>
        );
      }}
    </CssmPage>
  );
}
