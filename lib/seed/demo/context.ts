import type { DbOrTx } from "@/db/client";
import { addDays, isoDate } from "@/lib/clock";
import type { EventType } from "@/lib/events/catalog";
import { type Actor, type RecordEventInput, recordEvent } from "@/lib/events/record";
import { userId } from "./ids";

type AnyEvent = { [T in EventType]: RecordEventInput<T> }[EventType];

/** What every demo seed step gets: the transaction, T0 helpers and the event collector. */
export type SeedContext = {
  tx: DbOrTx;
  t0: Date;
  /** T0 + `days` (negative = in the past) + `hours`. */
  at(days: number, hours?: number): Date;
  /** `YYYY-MM-DD` of T0 + `days`, for `date` columns. */
  day(days: number): string;
  /** Queues an event; `flushEvents` writes them in time order. */
  event<T extends EventType>(input: RecordEventInput<T> & { occurredAt: Date }): void;
};

export function createContext(tx: DbOrTx, t0: Date): SeedContext & { flushEvents(): Promise<void> } {
  const queue: AnyEvent[] = [];
  return {
    tx,
    t0,
    at: (days, hours = 0) => new Date(addDays(t0, days).getTime() + hours * 3_600_000),
    day: (days) => isoDate(addDays(t0, days)),
    event(input) {
      queue.push(input as unknown as AnyEvent);
    },
    async flushEvents() {
      // Array.prototype.sort is stable: events at the same instant keep their queue order.
      const ordered = [...queue].sort((a, b) => a.occurredAt!.getTime() - b.occurredAt!.getTime());
      for (const e of ordered) await recordEvent(tx, e as RecordEventInput<EventType>);
    },
  };
}

export function userActor(ccoId: string): Actor {
  return { kind: "user", userId: userId(ccoId), ccoId };
}

export const OPS_CCO = "lic-ops";
export const opsActor: Actor = { kind: "user", userId: userId(OPS_CCO), ccoId: OPS_CCO, licensingOps: true };
