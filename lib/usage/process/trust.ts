import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { productInstances, trustCodes } from "@/db/schema";
import { seal } from "@/lib/crypto/seal";
import { type AnyEventInput, SYSTEM } from "@/lib/events/record";
import { udiText } from "@/lib/inventory/display-name";
import { V34_EXISTS, V34_OTHER_VA, v32aPayload } from "../messages";
import { sudiOf, type Udi } from "../parse/rum";
import type { ProcessEnv } from "./env";
import { findProductInstances, PiResolver, writePiChanges } from "./pi";

/** One F-3 `trust_codes[]` entry. */
export type TrustCodeEntry = {
  udi: { udi_pid: string; udi_serial_number: string };
  status: "ISSUED" | "FAILED";
  trust_code: string | null;
  issued_at: number | null;
  message: string;
};

export const udiJson = (u: Udi) => ({ udi_pid: u.udiPid, udi_serial_number: u.udiSn });

/**
 * W-10 step 6.7 `TrustCodeRequest` (F-1.6): per UDI, a new 32-byte trust code sealed under
 * `credential-encryption` (D-21, one active per UDI, the old one superseded), or FAILED per V-34:
 * an existing code or a PI in another VA needs `force`; a forced move needs the uploader to write
 * both VAs. A missing PI is created in the member's VA (E-13). E-20 per issued code.
 */
export async function issueTrustCodes(
  tx: DbOrTx,
  env: ProcessEnv,
  vaId: string,
  body: Record<string, unknown>,
  events: AnyEventInput[],
): Promise<{ entries: TrustCodeEntry[]; error?: string; piIds: string[] }> {
  const list = Array.isArray(body.sudi_list) ? body.sudi_list.map(sudiOf).filter((u): u is Udi => Boolean(u)) : [];
  if (list.length === 0) return { entries: [], error: v32aPayload("sudi_list is missing"), piIds: [] };
  const force = body.force === true;
  const known = await findProductInstances(tx, list);
  const resolver = new PiResolver(env, known);
  const entries: TrustCodeEntry[] = [];
  const issued: { piId: string; secret: Buffer; udi: Udi; vaId: string }[] = [];
  const failed = (udi: Udi, message: string) => entries.push({ udi: udiJson(udi), status: "FAILED", trust_code: null, issued_at: null, message });

  const active = new Set<string>();
  const ids = [...known.values()].map((p) => p.id);
  if (ids.length) {
    for (const id of ids) {
      const [row] = await tx.select({ id: trustCodes.id }).from(trustCodes).where(and(eq(trustCodes.productInstanceId, id), isNull(trustCodes.supersededAt)));
      if (row) active.add(id);
    }
  }
  for (const udi of list) {
    const before = known.get(`${udi.udiPid.toLowerCase()}|${udi.udiSn.toLowerCase()}`);
    if (before && before.smartAccountId === env.sa.id && before.virtualAccountId !== vaId && !force) {
      failed(udi, V34_OTHER_VA);
      continue;
    }
    if (before && active.has(before.id) && !force) {
      failed(udi, V34_EXISTS);
      continue;
    }
    const r = resolver.resolve(udi, vaId, { softwareTag: null, softwareVersion: null, haMembers: [] });
    if ("error" in r) {
      failed(udi, r.error);
      continue;
    }
    const secret = randomBytes(32);
    issued.push({ piId: r.pi.id, secret, udi: { udiPid: r.pi.udiPid, udiSn: r.pi.udiSn }, vaId: r.pi.virtualAccountId });
    entries.push({ udi: udiJson(udi), status: "ISSUED", trust_code: secret.toString("base64"), issued_at: env.at.getTime(), message: "" });
  }
  await writePiChanges(tx, env, resolver, events);
  for (const t of issued) {
    await tx.update(trustCodes).set({ supersededAt: env.at }).where(and(eq(trustCodes.productInstanceId, t.piId), isNull(trustCodes.supersededAt)));
    await tx.insert(trustCodes).values({ productInstanceId: t.piId, secret: seal(t.secret, "credential-encryption"), issuedAt: env.at, via: "ACK" });
    await tx
      .update(productInstances)
      .set({ trustState: "INSTALLED", trustInstalledAt: env.at })
      .where(eq(productInstances.id, t.piId));
    events.push({
      type: "E-20",
      params: { udi: udiText(t.udi) },
      actor: SYSTEM,
      smartAccountId: env.sa.id,
      virtualAccountId: t.vaId,
      productInstanceId: t.piId,
      occurredAt: env.at,
      data: { usageDataFileId: env.file.id },
    });
  }
  return { entries, piIds: issued.map((t) => t.piId) };
}
