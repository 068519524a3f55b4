import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alerts, productInstances } from "@/db/schema";
import type { AnyEventInput } from "@/lib/events/record";
import { SYSTEM } from "@/lib/events/record";
import { piDisplayName } from "@/lib/inventory/display-name";
import { CHANNEL_NAMES } from "../events";
import { bulkInsert, type Column, selectRows, unnestColumns } from "@/lib/sql/bulk";
import { V36_OTHER_SA, v36aOtherVa } from "../messages";
import type { HaUdi, Udi } from "../parse/rum";
import { type ProcessEnv, uploaderCanWrite } from "./env";

export type PiRow = {
  id: string;
  virtualAccountId: string;
  smartAccountId: string;
  udiPid: string;
  udiSn: string;
  hostname: string | null;
  hostnameShared: boolean;
  softwareTag: string | null;
};

export const udiKey = (u: Udi) => `${u.udiPid.toLowerCase()}|${u.udiSn.toLowerCase()}`;

const PI_SELECT = sql.raw(
  `id, virtual_account_id as "virtualAccountId", smart_account_id as "smartAccountId", udi_pid as "udiPid", udi_sn as "udiSn", hostname, hostname_shared as "hostnameShared", software_tag as "softwareTag"`,
);

/** The PIs of these UDIs anywhere in the deployment (UDIs are unique and compared case-insensitively, D-9). */
export async function findProductInstances(tx: DbOrTx, udis: Udi[]): Promise<Map<string, PiRow>> {
  const keys = new Map(udis.map((u) => [udiKey(u), u]));
  const out = new Map<string, PiRow>();
  if (keys.size === 0) return out;
  const list = [...keys.values()];
  const values = unnestColumns([
    ["pid", "text", list.map((u) => u.udiPid.toLowerCase())],
    ["sn", "text", list.map((u) => u.udiSn.toLowerCase())],
  ]);
  // One index probe per UDI whatever the planner's statistics say (they lag while a file adds PIs).
  const rows = await selectRows<PiRow>(tx, sql`
    select p.* from ${values}
    cross join lateral (
      select ${PI_SELECT} from ${productInstances} where lower(udi_pid) = v.pid and lower(udi_sn) = v.sn limit 1
    ) as p`);
  for (const r of rows) out.set(udiKey(r), r);
  return out;
}

export type NewPi = PiRow & { softwareVersion: string | null; haMembers: HaUdi[] };
export type PiResolution = { pi: PiRow } | { error: string };

/**
 * W-10 step 6.4 for one UDI, against the PIs known so far: create it in the member's VA, keep it,
 * move it from another VA of the SA when the uploader may write both (E-14; else V-36a), or refuse
 * one of another SA (V-36). Creations and moves are collected and written by `writePiChanges`.
 */
export class PiResolver {
  readonly created: NewPi[] = [];
  readonly moved: { pi: PiRow; from: string; to: string }[] = [];
  constructor(
    private env: ProcessEnv,
    readonly known: Map<string, PiRow>,
  ) {}

  resolve(udi: Udi, vaId: string, extra: { softwareTag: string | null; softwareVersion: string | null; haMembers: HaUdi[] }): PiResolution {
    const key = udiKey(udi);
    const pi = this.known.get(key);
    if (!pi) {
      const created: NewPi = {
        id: randomUUID(),
        virtualAccountId: vaId,
        smartAccountId: this.env.sa.id,
        udiPid: udi.udiPid,
        udiSn: udi.udiSn,
        hostname: null,
        hostnameShared: false,
        softwareTag: extra.softwareTag,
        softwareVersion: extra.softwareVersion,
        haMembers: extra.haMembers,
      };
      this.created.push(created);
      this.known.set(key, created);
      return { pi: created };
    }
    if (pi.smartAccountId !== this.env.sa.id) return { error: V36_OTHER_SA };
    if (pi.virtualAccountId === vaId) return { pi };
    if (!uploaderCanWrite(this.env, pi.virtualAccountId) || !uploaderCanWrite(this.env, vaId)) {
      return { error: v36aOtherVa(this.env.vas.get(pi.virtualAccountId)?.name ?? "") };
    }
    const created = this.created.find((c) => c.id === pi.id);
    if (created) created.virtualAccountId = vaId;
    else this.moved.push({ pi, from: pi.virtualAccountId, to: vaId });
    pi.virtualAccountId = vaId;
    return { pi };
  }
}

/** What a PI created by this chunk starts with, so it is written once (W-10 step 6.6). */
export type PiInitial = { acked: boolean; consumed: boolean; utility: boolean | null; version: string | null; ha: HaUdi[] | null };

/**
 * Inserts the new PIs in one statement (product type from D-27, the chunk's results as initial
 * values) and applies the moves, with E-13 / E-14 (actor System).
 */
export async function writePiChanges(
  tx: DbOrTx,
  env: ProcessEnv,
  resolver: PiResolver,
  events: AnyEventInput[],
  initial: Map<string, PiInitial> = new Map(),
): Promise<void> {
  const { at } = env;
  if (resolver.created.length) {
    const rows = resolver.created.map((p) => ({ p, map: env.productMap.find((m) => m.pattern.test(p.udiPid)), init: initial.get(p.id) }));
    const col = <T>(name: string, type: string, f: (r: (typeof rows)[number]) => T) => [name, type, rows.map(f)] as Column;
    await bulkInsert(tx, "product_instances", [
      col("id", "uuid", (r) => r.p.id),
      col("virtual_account_id", "uuid", (r) => r.p.virtualAccountId),
      col("smart_account_id", "uuid", (r) => r.p.smartAccountId),
      col("udi_pid", "text", (r) => r.p.udiPid),
      col("udi_sn", "text", (r) => r.p.udiSn),
      col("product_type", "text", (r) => r.map?.productType ?? ""),
      col("product_description", "text", (r) => r.map?.productDescription ?? ""),
      col("software_tag", "text", (r) => r.p.softwareTag ?? r.map?.softwareTag ?? null),
      col("software_version", "text", (r) => r.init?.version ?? r.p.softwareVersion),
      col("ha_members", "jsonb", (r) => JSON.stringify(r.init?.ha ?? r.p.haMembers)),
      col("utility_mode", "boolean", (r) => r.init?.utility ?? false),
      col("registration_date", "timestamptz", () => at),
      col("last_contact_at", "timestamptz", () => at),
      col("last_report_at", "timestamptz", (r) => (r.init?.acked ? at : null)),
      col("first_consumed_at", "timestamptz", (r) => (r.init?.consumed ? at : null)),
      col("channel", "pi_channel", () => env.channel),
    ]);
    for (const p of resolver.created) {
      events.push({
        type: "E-13",
        params: { pi: piDisplayName(p), va: env.vas.get(p.virtualAccountId)?.name ?? "", channel: CHANNEL_NAMES[env.channel] },
        actor: SYSTEM,
        smartAccountId: env.sa.id,
        virtualAccountId: p.virtualAccountId,
        productInstanceId: p.id,
        occurredAt: at,
        data: { usageDataFileId: env.file.id },
      });
    }
  }
  for (const m of resolver.moved) {
    await tx.update(productInstances).set({ virtualAccountId: m.to }).where(inArray(productInstances.id, [m.pi.id]));
    await tx.update(alerts).set({ virtualAccountId: m.to }).where(sql`${alerts.productInstanceId} = ${m.pi.id} and ${alerts.virtualAccountId} = ${m.from}`);
    const from = env.vas.get(m.from)?.name ?? "";
    const to = env.vas.get(m.to)?.name ?? "";
    events.push({
      type: "E-14",
      params: { pi: piDisplayName(m.pi), from, to },
      actor: SYSTEM,
      smartAccountId: env.sa.id,
      virtualAccountId: m.from,
      alsoVirtualAccountIds: [m.to],
      productInstanceId: m.pi.id,
      occurredAt: at,
      data: { usageDataFileId: env.file.id, fromVirtualAccountId: m.from, toVirtualAccountId: m.to },
    });
  }
}
