import { SimpleTable } from "@/components/ui/simple-table";
import { formatDate, formatTimestamp } from "@/lib/format";
import type { PublishedKey } from "@/lib/signing/keys";
import { DownloadButton } from "./download-button";

/** S-26a: every D-29 signing key, newest first, unpaginated. */
export function SigningKeysTable({ keys, tz }: { keys: PublishedKey[]; tz: string }) {
  return (
    <SimpleTable label="Signing Keys" headers={["Key ID", "Algorithm", "Created", "Status", "Actions"]} count={keys.length}>
      {keys.map((k) => (
        <tr key={k.keyId} className="border-t border-slate-100" data-testid={`s26a-key-${k.keyId}`}>
          <td className="px-3 py-1.5 font-mono">{k.keyId}</td>
          <td className="px-3 py-1.5">ES256</td>
          <td className="px-3 py-1.5" title={formatTimestamp(k.createdAt, tz)}>
            {formatDate(k.createdAt, tz)}
          </td>
          <td className="px-3 py-1.5">{k.retiredAt ? "Retired" : "Current"}</td>
          <td className="px-3 py-1.5">
            <DownloadButton href={`/api/ui/signing-keys/${encodeURIComponent(k.keyId)}`} label="Download" testId={`s26a-download-${k.keyId}`} variant="link" />
          </td>
        </tr>
      ))}
    </SimpleTable>
  );
}
