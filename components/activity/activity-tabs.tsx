import { TabNav } from "@/components/shell/tab-nav";

export const ACTIVITY_TABS = [
  { label: "License Transactions", href: "/activity/license-transactions", testId: "s31-tab-license-transactions" },
  { label: "Event Log", href: "/activity/event-log", testId: "s32-tab-event-log" },
];

export function ActivityTabs() {
  return <TabNav tabs={ACTIVITY_TABS} label="Activity" small />;
}
