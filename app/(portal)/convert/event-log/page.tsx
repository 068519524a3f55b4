import { ConvertArea } from "@/components/conversion/convert-tabs";
import { EventLog } from "@/components/event-log/event-log";
import { CssmPage } from "@/components/shell/cssm-page";

/** S-24 Convert › Event Log: the CONV events of this Smart Account, all of the `Conversion` category. */
export default function ConvertEventLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/convert/event-log">
      {({ smartAccount }) => (
        <ConvertArea>
          <EventLog key={smartAccount.id} scope="conv" id={smartAccount.id} typeFilter={false} testIdPrefix="s24" />
        </ConvertArea>
      )}
    </CssmPage>
  );
}
