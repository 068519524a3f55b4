import { ActivityTabs } from "@/components/activity/activity-tabs";
import { EventLog } from "@/components/event-log/event-log";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { visibleVirtualAccounts } from "@/lib/access/context";

/** S-32: SA-level events plus the events of every VA the user can see, with a `Virtual Account` filter. */
export default function ActivityEventLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/activity/event-log">
      {async ({ ctx, smartAccount }) => {
        const vas = await visibleVirtualAccounts(await getDb(), ctx, smartAccount.id);
        return (
          <div>
            <ActivityTabs />
            <div className="pt-4">
              <EventLog key={smartAccount.id} scope="sa" id={smartAccount.id} vaOptions={vas.map((v) => ({ id: v.id, name: v.name }))} testIdPrefix="s32" />
            </div>
          </div>
        );
      }}
    </CssmPage>
  );
}
