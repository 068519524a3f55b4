import { eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { productInstances } from "@/db/schema";
import { applyDlcReport, type DlcAckEntry, dlcReportSchema } from "@/lib/conversion/dlc";
import type { AnyEventInput } from "@/lib/events/record";
import type { UsageElement } from "@/lib/usage/format/rum-writer";
import { V36_OTHER_SA, v32aPayload, v38aNotYet } from "../messages";
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
  dlc?: DlcAckEntry[];
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
export async function handleElement(tx: Tx, env: ProcessEnv, item: WorkItem, events: AnyEventInput[]): Promise<ElementOutcome> {
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
      return deviceLedConversion(tx, env, item);
    case "AuthorizationRequest": // W-12
    case "AuthorizationReturn": // W-13
      return notYet(element, body);
    default:
      return {};
  }
}

/**
 * W-21: the device's traditional licenses become smart licenses in the VA of its product instance
 * (or the member's VA when the device has no instance yet); the result goes into the ACK's `dlc[]`.
 */
async function deviceLedConversion(tx: Tx, env: ProcessEnv, item: WorkItem): Promise<ElementOutcome> {
  const element = "DLCReport";
  const parsed = dlcReportSchema.safeParse(item.entry.body);
  const udi = sudiOf(item.entry.body.sudi);
  const udiOut = udi ? udiJson(udi) : null;
  if (!parsed.success) {
    const detail = parsed.error.issues[0];
    return { elements: [{ element, udi: udiOut, status: "ERROR", message: v32aPayload(`${detail.path.join(".") || "DLCReport"} ${detail.message}`) }] };
  }
  const pi = udi ? (await findProductInstances(tx, [udi])).get(udiKey(udi)) : undefined;
  if (pi && pi.smartAccountId !== env.sa.id) return { elements: [{ element, udi: udiOut, status: "ERROR", message: V36_OTHER_SA }] };
  const entry = await applyDlcReport(tx, {
    smartAccountId: env.sa.id,
    virtualAccountId: pi?.virtualAccountId ?? item.member.vaId,
    productInstanceId: pi?.id ?? null,
    report: parsed.data,
    receivedAt: env.at,
  });
  return { dlc: [entry], piIds: pi ? [pi.id] : [] };
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
