import { EventLog } from "@/components/event-log/event-log";
import { InventoryPage } from "@/components/shell/cssm-page";

export default function InventoryEventLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  return (
    <InventoryPage searchParams={searchParams} path="/inventory/event-log">
      {({ va }) => <EventLog key={va.id} scope="va" id={va.id} />}
    </InventoryPage>
  );
}
