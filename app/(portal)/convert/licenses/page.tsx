import { ConvertArea } from "@/components/conversion/convert-tabs";
import { DevicesView } from "@/components/conversion/devices-view";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { conversionTargets } from "@/lib/conversion/access";

/** S-22 Convert to Smart Licensing › Convert Licenses. */
export default function ConvertLicensesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <CssmPage searchParams={searchParams} path="/convert/licenses">
      {async ({ ctx, smartAccount }) => {
        const targets = await conversionTargets(await getDb(), ctx, smartAccount.id);
        return (
          <ConvertArea>
            <DevicesView key={smartAccount.id} smartAccountId={smartAccount.id} canConvert={targets.length > 0} />
          </ConvertArea>
        );
      }}
    </CssmPage>
  );
}
