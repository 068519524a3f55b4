import type { ReactNode } from "react";
import { TabNav } from "@/components/shell/tab-nav";

export const CONVERT_TABS = [
  { label: "Convert PAKs", href: "/convert/paks", testId: "s21-tab-convert-paks" },
  { label: "Convert Licenses", href: "/convert/licenses", testId: "s22-tab-convert-licenses" },
  { label: "Conversion History", href: "/convert/history", testId: "s23-tab-conversion-history" },
  { label: "Event Log", href: "/convert/event-log", testId: "s24-tab-event-log" },
];

/** The `Convert to Smart Licensing` area: heading `License Conversion` and its sub-tabs, each with its own URL (S-21..S-24). */
export function ConvertArea({ children }: { children: ReactNode }) {
  return (
    <div>
      <h2 className="mb-2 text-lg font-light">License Conversion</h2>
      <TabNav tabs={CONVERT_TABS} label="License Conversion" small />
      <div className="space-y-3 pt-4">{children}</div>
    </div>
  );
}
