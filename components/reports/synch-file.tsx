import { DownloadButton } from "./download-button";
import { VaDropdown } from "./va-dropdown";

/** S-28 Reports › Synch File for Device Controllers: a signed F-13 file per VA. */
export function SynchFileView({ vas, va }: { vas: { id: string; name: string }[]; va: { id: string; name: string } }) {
  return (
    <section aria-label="Synch File for Device Controllers">
      <p className="mb-4 max-w-3xl text-slate-600">
        A controller that manages your devices can load this file to learn the reporting policy and the license counts of the virtual
        account you pick. The file is signed, so the controller can check that it came from this portal unchanged.
      </p>
      <VaDropdown vas={vas} selectedId={va.id} testId="s28-virtual-account" />
      <DownloadButton href={`/api/ui/reports/synch-file?va=${va.id}`} label="Download Synch File" testId="s28-download-synch-file" />
    </section>
  );
}
