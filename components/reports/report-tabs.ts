/** S-25 sub-tabs of Reports, shared by the tab page and S-26a. */
export const REPORT_TABS = [
  { label: "Report", href: "/reports/report" },
  { label: "Usage Data Files", href: "/reports/usage-data-files" },
  { label: "Reporting Policy", href: "/reports/reporting-policy" },
  { label: "Synch File for Device Controllers", href: "/reports/synch-file" },
];
