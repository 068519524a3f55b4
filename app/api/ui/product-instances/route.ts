import { json, searchParamsObject, uiRoute } from "@/lib/http/route";
import { formatTimestamp } from "@/lib/format";
import { listProductInstances } from "@/lib/inventory/list";
import { piListSchema } from "@/lib/inventory/schemas";
import { userTimeZone } from "@/lib/preferences/time-zone";

export type PiListResponse = {
  rows: {
    id: string;
    name: string;
    productType: string;
    lastContact: string;
    reservation: "NONE" | "SLR" | "PLR";
    plrVersion: number | null;
    alerts: string;
  }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  canTransfer: boolean;
  canRemove: boolean;
  canReserve: boolean;
};

/** S-15 list: one page of the VA's product instances. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = piListSchema.parse(searchParamsObject(url));
  const result = await listProductInstances(db, ctx, filter);
  const tz = await userTimeZone(db, ctx.user.id);
  const body: PiListResponse = {
    rows: result.rows.map((r) => ({
      id: r.id,
      name: r.name,
      productType: r.productType,
      lastContact: formatTimestamp(r.lastContactAt, tz) + (r.reservation !== "NONE" ? " (Reserved Licenses)" : ""),
      reservation: r.reservation,
      plrVersion: r.plrVersion,
      alerts: r.alerts,
    })),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    canTransfer: result.canTransfer,
    canRemove: result.canRemove,
    canReserve: result.canReserve,
  };
  return json(200, body);
});
