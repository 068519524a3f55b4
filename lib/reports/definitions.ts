/** S-25: the three reports, their file-name screen (F-17) and their exact column headers. */
export const REPORTS = {
  licenses: {
    name: "Licenses",
    description: "Current license counts and use across the virtual accounts you pick.",
    screen: "Licenses",
    header: ["Virtual Account", "License", "Entitlement Tag", "Billing", "Purchased", "In Use", "Substitution", "Balance", "Status"],
  },
  "license-subscriptions": {
    name: "License Subscriptions",
    description: "The same summary for term and subscription licenses, with their end dates and subscription ids.",
    screen: "LicenseSubscriptions",
    header: ["Virtual Account", "License", "Quantity", "Type", "Start Date", "Expiration Date", "Subscription Id"],
  },
  "product-instances": {
    name: "Product Instances",
    description: "A count and a list of the product instances in the virtual accounts you pick.",
    screen: "ProductInstances",
    header: ["Virtual Account", "Name", "PID", "Serial Number", "Product Type", "Last Contact", "Reserved", "Licenses In Use"],
  },
} as const;

export type ReportKey = keyof typeof REPORTS;
export const REPORT_KEYS = Object.keys(REPORTS) as [ReportKey, ...ReportKey[]];
export const REPORT_FORMATS = ["csv", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
