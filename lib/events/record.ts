import type { DbOrTx } from "@/db/client";
import { events } from "@/db/schema";
import { scheduleAlertRecompute } from "@/lib/alerts/schedule";
import { arrayLiteral, bulkInsert, type Column } from "@/lib/sql/bulk";
import { now } from "@/lib/clock";
import { categoryOf, EVENT_CATALOG, type EventParams, type EventType, renderEvent, type ShownIn } from "./catalog";

/** Who the `User` column names: a user (CCO id), `System`, or a device (blank, UDI kept). */
export type Actor =
  | { kind: "user"; userId: string; ccoId: string; licensingOps?: boolean }
  | { kind: "system" }
  | { kind: "device"; udi: string };

export const SYSTEM: Actor = { kind: "system" };

export type RecordEventInput<T extends EventType> = {
  type: T;
  params: EventParams<T>;
  actor: Actor;
  smartAccountId?: string | null;
  virtualAccountId?: string | null;
  /** Further VAs whose logs show the event (e.g. the previous default VA of E-4). */
  alsoVirtualAccountIds?: string[];
  productInstanceId?: string | null;
  licenseDefinitionId?: string | null;
  conversionId?: string | null;
  workspace?: "CSSM" | "CSLU" | "ONPREM" | "TRAD";
  shownIn?: ShownIn[];
  data?: Record<string, unknown>;
  occurredAt?: Date;
};

/** Any one event input, whatever its type (for lists of events of several types). */
export type AnyEventInput = { [T in EventType]: RecordEventInput<T> }[EventType];

function eventRow<T extends EventType>(input: RecordEventInput<T>) {
  const shownIn: ShownIn[] = [...(input.shownIn ?? EVENT_CATALOG[input.type].shownIn)];
  if (input.actor.kind === "user" && input.actor.licensingOps && !shownIn.includes("OPS")) shownIn.push("OPS");
  const vaIds = [input.virtualAccountId, ...(input.alsoVirtualAccountIds ?? [])].filter(
    (id): id is string => Boolean(id),
  );
  return {
    type: input.type.split(":")[0],
    category: categoryOf(input.type.split(":")[0]),
    message: renderEvent(input.type, input.params),
    smartAccountId: input.smartAccountId ?? null,
    virtualAccountId: input.virtualAccountId ?? null,
    vaIds: [...new Set(vaIds)],
    productInstanceId: input.productInstanceId ?? null,
    licenseDefinitionId: input.licenseDefinitionId ?? null,
    conversionId: input.conversionId ?? null,
    workspace: input.workspace ?? "CSSM",
    userId: input.actor.kind === "user" ? input.actor.userId : null,
    actorLabel:
      input.actor.kind === "user" ? input.actor.ccoId : input.actor.kind === "system" ? "System" : input.actor.udi,
    shownIn,
    occurredAt: input.occurredAt ?? now(),
    data: input.data ?? {},
  } satisfies typeof events.$inferInsert;
}

// P-11 (a): a change in a Smart Account queues an alert recompute of the VAs it names (or the
// whole account); the alert and expiry events themselves do not, which would loop.
async function scheduleFor(tx: DbOrTx, rows: ReturnType<typeof eventRow>[]): Promise<void> {
  const scopes = new Map<string, { smartAccountId: string; virtualAccountId?: string }>();
  for (const row of rows) {
    if (!row.smartAccountId || ALERT_EVENTS.has(row.type)) continue;
    if (row.vaIds.length === 0) scopes.set(`${row.smartAccountId}|*`, { smartAccountId: row.smartAccountId });
    for (const virtualAccountId of row.vaIds) scopes.set(`${row.smartAccountId}|${virtualAccountId}`, { smartAccountId: row.smartAccountId, virtualAccountId });
  }
  for (const scope of scopes.values()) await scheduleAlertRecompute(tx, scope);
}

/** Writes one D-20 row inside the caller's transaction (INV-14). */
export async function recordEvent<T extends EventType>(tx: DbOrTx, input: RecordEventInput<T>): Promise<void> {
  const row = eventRow(input);
  await tx.insert(events).values(row);
  await scheduleFor(tx, [row]);
}

/** Writes many D-20 rows in one statement, in the given order (bulk processing, W-10). */
export async function recordEvents(tx: DbOrTx, inputs: readonly AnyEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => eventRow(input as RecordEventInput<EventType>));
  const col = (name: string, type: string, f: (r: (typeof rows)[number]) => string | Date | null) => [name, type, rows.map(f)] as Column;
  await bulkInsert(tx, "events", [
    col("type", "text", (r) => r.type),
    col("category", "text", (r) => r.category),
    col("message", "text", (r) => r.message),
    col("smart_account_id", "uuid", (r) => r.smartAccountId),
    col("virtual_account_id", "uuid", (r) => r.virtualAccountId),
    col("va_ids", "uuid[]", (r) => arrayLiteral(r.vaIds)),
    col("product_instance_id", "uuid", (r) => r.productInstanceId),
    col("license_definition_id", "uuid", (r) => r.licenseDefinitionId),
    col("conversion_id", "uuid", (r) => r.conversionId),
    col("workspace", "workspace", (r) => r.workspace),
    col("user_id", "uuid", (r) => r.userId),
    col("actor_label", "text", (r) => r.actorLabel),
    col("shown_in", "text[]", (r) => arrayLiteral(r.shownIn)),
    col("occurred_at", "timestamptz", (r) => r.occurredAt),
    col("data", "jsonb", (r) => JSON.stringify(r.data)),
  ]);
  await scheduleFor(tx, rows);
}

const ALERT_EVENTS = new Set(["E-60", "E-61", "E-62", "E-63"]);

/** What the `User` column shows: blank for device-originated events (§7). */
export function userColumn(row: { actorLabel: string; userId: string | null }): string {
  if (row.userId || row.actorLabel === "System") return row.actorLabel;
  return "";
}
