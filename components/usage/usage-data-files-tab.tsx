import type { AccessContext } from "@/lib/access/context";
import { usageConfig } from "@/lib/usage/config";
import { UsageDataFiles } from "./usage-data-files";

/** S-26 inside the Reports page (server side: the upload limit comes from the environment). */
export function UsageDataFilesTab({ smartAccountId }: { smartAccountId: string; ctx?: AccessContext }) {
  return <UsageDataFiles smartAccountId={smartAccountId} maxUploadMb={usageConfig.maxUploadMb} />;
}
