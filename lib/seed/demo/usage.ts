import { loadAccess } from "@/lib/access/context";
import type { RecordEventInput } from "@/lib/events/record";
import type { EventType } from "@/lib/events/catalog";
import { uuidv5 } from "@/lib/ids";
import { assignVirtualAccounts } from "@/lib/usage/assign";
import type { EventSink } from "@/lib/usage/events";
import { rumEnvelope, rumPayload, type UsageChild, usageXml } from "@/lib/usage/format/rum-writer";
import { usageTar } from "@/lib/usage/format/tar-writer";
import { bufferSource } from "@/lib/usage/inspect";
import { processUsageFile } from "@/lib/usage/process/run";
import { acceptUsageUpload } from "@/lib/usage/upload";
import { entitlementTag, syntheticTag } from "../reference";
import { type SeedContext, userActor } from "./context";
import { EG_SA, saId, userId, vaId } from "./ids";

type Device = { pid: string; sn: string; version: string; licenses: [number, number][] };

/** The DD-6 devices whose usage DD-8 reports, with the counts they already show (so nothing changes). */
const VA01_ISR4461: Device = { pid: "ISR4461/K9", sn: "FDO222815Y4", version: "17.09.04a", licenses: [[14, 1], [15, 1], [16, 1], [17, 1], [18, 1]] };
const KRAKOW: Device[] = [
  ...["S", "T", "U", "V"].map((x): Device => ({ pid: "C9500-32QC", sn: `CAT2209L0K${x}`, version: "17.09.04", licenses: [[29, 1], [30, 1]] })),
  { pid: "C9500-24Y4C", sn: "CAT2344L4GH", version: "17.09.04", licenses: [[29, 2]] },
  { pid: "C9300-24UX", sn: "FCW2303D16Y", version: "17.09.04", licenses: [[27, 1], [28, 1]] },
];
const BRANCH: Device = { pid: "ISR4431/K9", sn: "FOC22446T0U", version: "17.09.04a", licenses: [[12, 1], [13, 1]] };
/** A license the catalogue does not know: the one error of `rum_branch.xml` (DD-8). */
export const DD8_UNKNOWN_TAG = syntheticTag("ISR_4400_APPX_Legacy");

/** Signed RUM reports of one device (F-1.2), measured over the week before `at`; report ids from `firstId`. */
function reports(d: Device, at: Date, firstId: number, tags: string[] = d.licenses.map(([n]) => entitlementTag(n))): UsageChild[] {
  const end = Math.floor(at.getTime() / 1000) - 3 * 3600;
  const counts = new Map(d.licenses.map(([n, c]) => [entitlementTag(n), c]));
  return tags.map((tag, i) => {
    const udi = { udiPid: d.pid, udiSn: d.sn };
    const payload = rumPayload({
      ...udi,
      shape: "B",
      reportId: firstId + i,
      entitlementTag: tag,
      softwareVersion: d.version,
      measurements: [{ startTime: end - 7 * 86_400, endTime: end, count: counts.get(tag) ?? 1 }],
    });
    return { element: "RUMReport" as const, body: rumEnvelope(payload, udi) };
  });
}

/**
 * DD-8: the three usage files, written with the F-1/F-2 writer and run through the real ingest
 * (upload, VA selection, processing, signed ACK) at their instants, so their rows, reports and
 * ACKs are what the app itself produces. The reports repeat the DD-6 counts, so DD-5 balances and
 * the DD-14 alerts stay as they are; events go into the seed's time-ordered queue.
 */
export async function seedUsageFiles(ctx: SeedContext): Promise<void> {
  const access = await loadAccess(ctx.tx, userId("eg-admin"));
  if (!access) throw new Error("DD-8 needs the DD-2 user eg-admin.");
  const actor = userActor("eg-admin");
  const events: EventSink = async (_tx, inputs) => {
    for (const input of inputs) ctx.event(input as RecordEventInput<EventType> & { occurredAt: Date });
  };
  const ingest = async (name: string, bytes: Buffer, days: number, va?: string) => {
    const at = ctx.at(days);
    const id = uuidv5(`usage-file:${name}`);
    const up = await acceptUsageUpload(ctx.tx, access, actor, bufferSource(bytes), { smartAccountId: saId(EG_SA), fileName: name, at, enqueue: false, events, id });
    if (up.status === "AWAITING_VA") {
      await assignVirtualAccounts(ctx.tx, access, actor, { fileId: id, mode: "all", virtualAccountId: vaId(EG_SA, va!) }, { at, enqueue: false, events });
    }
    await processUsageFile(ctx.tx, id, { at, events });
  };

  await ingest("usage_report", Buffer.from(usageXml(reports(VA01_ISR4461, ctx.at(-51), 1_703_000_001))), -51, "Eg-VA-01");

  const csluAt = ctx.at(-38, -2); // the CSLU export that the upload two hours later carries
  const stamp = Math.floor(csluAt.getTime() / 1000);
  const bundle = await usageTar({
    smartAccount: EG_SA,
    createdBy: "CSLU 2.0.0 (clone)",
    members: KRAKOW.map((d, i) => ({
      name: `dev_${d.sn}_${stamp}.xml`,
      content: usageXml(reports(d, csluAt, 1_704_100_001 + i * 10)),
      va: "Krakow LAN-SW",
    })),
  });
  await ingest("UD_20240201T101500.tar", bundle, -38);

  const branchTags = [...BRANCH.licenses.map(([n]) => entitlementTag(n)), DD8_UNKNOWN_TAG];
  await ingest("rum_branch.xml", Buffer.from(usageXml(reports(BRANCH, ctx.at(-12), 1_709_000_001, branchTags))), -12, "Branch-Routers");
}
