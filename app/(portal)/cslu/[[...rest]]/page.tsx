import { PageHeader } from "@/components/shell/cssm-shell";
import { NotAvailable } from "@/components/ui/not-available";

export default function WorkspacePage() {
  return (
    <div className="px-6 py-4">
      <PageHeader trail="License Utility" title="Smart License Utility" />
      <NotAvailable screen="Smart License Utility" />
    </div>
  );
}
