import { now } from "@/lib/clock";
import { eventFilterSchema, queryEvents } from "@/lib/events/query";
import { userColumn } from "@/lib/events/record";
import { csvResponse, exportFileName, toCsv } from "@/lib/formats/csv";
import { searchParamsObject, uiRoute } from "@/lib/http/route";

/** `Export to CSV` of an event log (F-17): every row matching the filter, times in ISO 8601 UTC. */
export const GET = uiRoute(async ({ ctx, db, url }) => {
  const filter = eventFilterSchema.parse(searchParamsObject(url));
  const result = await queryEvents(db, ctx, filter, { all: true });
  const body = toCsv(
    ["Message", "Time", "User"],
    result.rows.map((r) => [r.message, r.occurredAt.toISOString(), userColumn(r)]),
  );
  return csvResponse(body, exportFileName("EventLog", result.smartAccountName ?? "Operations", now()));
});
