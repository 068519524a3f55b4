import type { DbOrTx } from "@/db/client";
import type { EventType } from "@/lib/events/catalog";
import { type RecordEventInput, recordEvent } from "@/lib/events/record";

/**
 * A TRAD event (§7). The ids it concerns go in `data` (`deviceId`, `pakId`, `rehostId`…): the
 * Transactions History (S-58) is read from these events, and its visibility follows them.
 */
export async function recordTradEvent<T extends EventType>(
  tx: DbOrTx,
  input: Omit<RecordEventInput<T>, "workspace" | "smartAccountId"> & { data: Record<string, unknown> },
): Promise<void> {
  await recordEvent(tx, { ...input, workspace: "TRAD" } as RecordEventInput<T>);
}
