import { PageHeader } from "@/components/shell/cssm-shell";
import { NotAvailable } from "@/components/ui/not-available";

export default function WorkspacePage() {
  return (
    <div className="px-6 py-4">
      <PageHeader trail="On-Prem" title="On-Prem License Workspace" />
      <NotAvailable screen="On-Prem License Workspace" />
    </div>
  );
}
