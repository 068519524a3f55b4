import type { DbOrTx } from "@/db/client";
import { type AnyEventInput, recordEvents } from "@/lib/events/record";

/** Where usage code writes its §7 events: straight to D-20, or (the demo seed) into a time-ordered queue. */
export type EventSink = (tx: DbOrTx, inputs: AnyEventInput[]) => Promise<void>;

export const writeEvents: EventSink = (tx, inputs) => recordEvents(tx, inputs);

export type Channel = "UPLOAD" | "CSLU" | "ON_PREM" | "API" | "DIRECT";

/** `{channel name}` of E-13. */
export const CHANNEL_NAMES: Record<Channel, string> = {
  UPLOAD: "a usage data file",
  API: "the device API",
  CSLU: "CSLU",
  ON_PREM: "On-Prem",
  DIRECT: "a direct connection",
};
