import { ConvertArea } from "@/components/conversion/convert-tabs";
import { HistoryView } from "@/components/conversion/history-view";
import { CssmPage } from "@/components/shell/cssm-page";

/** S-23 Convert to Smart Licensing › Conversion History. */
export default function ConversionHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/convert/history">
      {({ smartAccount }) => (
        <ConvertArea>
          <HistoryView key={smartAccount.id} smartAccountId={smartAccount.id} />
        </ConvertArea>
      )}
    </CssmPage>
  );
}
