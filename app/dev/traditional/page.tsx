import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { TraditionalTools } from "@/components/dev/traditional-tools";
import { requireAccess } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { deviceChoices } from "@/lib/traditional/device-tools";

export const dynamic = "force-dynamic";

/** S-60 traditional device tools (`DEMO_TOOLS=1` only): what a device's console would show for a rehost. */
export default async function TraditionalToolsPage() {
  if (!config.demoTools) notFound();
  const ctx = await requireAccess();
  const devices = await deviceChoices(await getDb(), ctx);
  return (
    <div className="px-6 py-4">
      <h1 className="mb-4 text-2xl font-light text-slate-800">Traditional device tools</h1>
      <TraditionalTools devices={devices} />
    </div>
  );
}
