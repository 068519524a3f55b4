import { ConvertArea } from "@/components/conversion/convert-tabs";
import { PaksView } from "@/components/conversion/paks-view";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { conversionTargets } from "@/lib/conversion/access";

/** S-21 Convert to Smart Licensing › Convert PAKs. */
export default function ConvertPaksPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/convert/paks">
      {async ({ ctx, smartAccount }) => {
        const targets = await conversionTargets(await getDb(), ctx, smartAccount.id);
        return (
          <ConvertArea>
            <PaksView key={smartAccount.id} smartAccountId={smartAccount.id} autoConversion={smartAccount.autoConversion} canConvert={targets.length > 0} />
          </ConvertArea>
        );
      }}
    </CssmPage>
  );
}
