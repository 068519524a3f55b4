import { PreferencesForm } from "@/components/preferences/preferences-form";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { visibleVirtualAccounts } from "@/lib/access/context";
import { getPreferences, timeZones } from "@/lib/preferences/notifications";

export default function PreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/preferences">
      {async ({ ctx, smartAccount }) => {
        const db = await getDb();
        const vas = await visibleVirtualAccounts(db, ctx, smartAccount.id);
        const saved = await getPreferences(db, ctx.user.id, smartAccount.id);
        return (
          <PreferencesForm
            key={smartAccount.id}
            smartAccountId={smartAccount.id}
            vaOptions={vas.map((v) => ({ id: v.id, name: v.name }))}
            saved={saved}
            timeZones={timeZones()}
          />
        );
      }}
    </CssmPage>
  );
}
