import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { productInstances } from "@/db/schema";
import type { AnyEventInput } from "@/lib/events/record";
import type { UsageElement } from "@/lib/usage/format/rum-writer";
import { v38aNotYet } from "../messages";
import { sudiOf } from "../parse/rum";
import type { ProcessEnv } from "./env";
import { findProductInstances, udiKey } from "./pi";
import { issueTrustCodes, type TrustCodeEntry, udiJson } from "./trust";
import type { WorkItem } from "./work";

type UdiJson = ReturnType<typeof udiJson>;
/** F-3 `elements[]`: an element the server could not process (V-38a). */
export type ElementError = { element: string; udi: UdiJson | null; status: "ERROR"; message: string };

/** What one non-report element adds to its ACK (F-3 arrays) and which PIs it touched. */
export type ElementOutcome = {
  trustCodes?: TrustCodeEntry[];
  elements?: ElementError[];
  dlc?: unknown[];
  authorizations?: unknown[];
  piIds?: string[];
};

function notYet(element: UsageElement, body: Record<string, unknown>): ElementOutcome {
  const udi = sudiOf(body.sudi);
  return { elements: [{ element, udi: udi ? udiJson(udi) : null, status: "ERROR", message: v38aNotYet(element) }] };
}

/**
 * W-10 step 6.7: the one place that decides what happens to each non-RUM child. Workflows that
 * are not built yet answer V-38a in `elements[]`; never a silent drop.
 */
export async function handleElement(tx: DbOrTx, env: ProcessEnv, item: WorkItem, events: AnyEventInput[]): Promise<ElementOutcome> {
  const { element, body } = item.entry;
  switch (element) {
    case "TrustCodeRequest": {
      const r = await issueTrustCodes(tx, env, item.member.vaId, body, events);
      if (r.error) return { elements: [{ element, udi: null, status: "ERROR", message: r.error }] };
      return { trustCodes: r.entries, piIds: r.piIds };
    }
    case "InstanceInfo":
      await applyInstanceInfo(tx, env, body);
      return {};
    case "DLCReport":
      // W-21 (lib/conversion/dlc.ts) plugs in here: `return { dlc: [await applyDlcReport(tx, …)] }`.
      return notYet(element, body);
    case "AuthorizationRequest": // W-12
    case "AuthorizationReturn": // W-13
      return notYet(element, body);
    default:
      return {};
  }
}

/** F-1.7: hostname (only when `hostname_privacy` is false) and software version of a PI of this SA. */
async function applyInstanceInfo(tx: DbOrTx, env: ProcessEnv, body: Record<string, unknown>): Promise<void> {
  const udi = sudiOf(body.sudi);
  if (!udi) return;
  const pi = (await findProductInstances(tx, [udi])).get(udiKey(udi));
  if (!pi || pi.smartAccountId !== env.sa.id) return;
  const hostname = typeof body.hostname === "string" ? body.hostname.trim().slice(0, 255) : "";
  const version = typeof body.software_version === "string" ? body.software_version.trim() : "";
  const patch: Partial<typeof productInstances.$inferInsert> = {};
  if (body.hostname_privacy === false && hostname) Object.assign(patch, { hostname, hostnameShared: true });
  if (body.hostname_privacy === true) patch.hostnameShared = false;
  if (body.version_privacy !== true && version) patch.softwareVersion = version;
  await tx
    .update(productInstances)
    .set({ ...patch, lastContactAt: sql`greatest(${productInstances.lastContactAt}, ${env.at.toISOString()}::timestamptz)` })
    .where(eq(productInstances.id, pi.id));
}
