import { notFound } from "next/navigation";
import { ConversionDetailView } from "@/components/conversion/conversion-detail";
import { ConvertArea } from "@/components/conversion/convert-tabs";
import { CssmPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { NotFoundError } from "@/lib/access/errors";
import { requireAccess } from "@/lib/auth/session";
import { conversionDetail } from "@/lib/conversion/history";
import { userTimeZone } from "@/lib/preferences/time-zone";

/** S-23 device conversion detail, in the Smart Account of the conversion; another account's is not found. */
export default async function ConversionDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireAccess();
  const db = await getDb();
  const detail = await conversionDetail(db, ctx, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const tz = await userTimeZone(db, ctx.user.id);
  return (
    <CssmPage searchParams={Promise.resolve({ va: detail.virtualAccount.id })} path={`/convert/history/${id}`}>
      {() => (
        <ConvertArea>
          <ConversionDetailView detail={detail} tz={tz} />
        </ConvertArea>
      )}
    </CssmPage>
  );
}
