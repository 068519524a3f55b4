import { notFound } from "next/navigation";
import { ProductInstanceDetailView } from "@/components/inventory/product-instance-detail";
import { InventoryPage } from "@/components/shell/cssm-page";
import { getDb } from "@/db";
import { NotFoundError } from "@/lib/access/errors";
import { requireAccess } from "@/lib/auth/session";
import { getProductInstanceDetail } from "@/lib/inventory/detail";
import { userTimeZone } from "@/lib/preferences/time-zone";

/** S-16: inside the Inventory shell of the instance's own VA; another account's instance is not found. */
export default async function ProductInstanceDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { id } = await params;
  const { tab } = await searchParams;
  const ctx = await requireAccess();
  const db = await getDb();
  const detail = await getProductInstanceDetail(db, ctx, id).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const tz = await userTimeZone(db, ctx.user.id);
  return (
    <InventoryPage searchParams={Promise.resolve({ va: detail.virtualAccount.id })} path={`/inventory/product-instances/${id}`}>
      {() => <ProductInstanceDetailView detail={detail} tab={tab === "event-log" ? "event-log" : "overview"} tz={tz} />}
    </InventoryPage>
  );
}
