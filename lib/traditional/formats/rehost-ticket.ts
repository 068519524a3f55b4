import { createHash } from "node:crypto";
import { parseTradUdi, type Udi } from "../udi";
import type { PermissionTicket } from "./permission-ticket";
import { keyValueLines, UUID } from "./text-lines";

/** F-11b rehost ticket (`rt.lic`): the device's proof that it revoked the lines of a permission ticket. */
export type RehostTicket = { transaction: string; sourceUdi: Udi; revoked: string[]; proof: string };

export function rehostProof(transaction: string, udi: Udi): string {
  return createHash("sha256").update(`REHOST|${transaction}|${udi.pid}:${udi.sn}`, "utf8").digest("base64");
}

/** What the source device produces from an installed permission ticket: one `Revoked:` per `Remove:`. */
export function rehostTicketFor(pt: PermissionTicket): RehostTicket {
  return {
    transaction: pt.transaction,
    sourceUdi: pt.sourceUdi,
    revoked: pt.removes.map((r) => r.serial),
    proof: rehostProof(pt.transaction, pt.sourceUdi),
  };
}

export function writeRehostTicket(t: RehostTicket): string {
  return [
    "RehostTicket: 1.0",
    `Transaction: ${t.transaction}`,
    `SourceUDI: ${t.sourceUdi.pid}:${t.sourceUdi.sn}`,
    ...t.revoked.map((s) => `Revoked: ${s}`),
    `Proof: ${t.proof}`,
  ]
    .map((l) => l + "\n")
    .join("");
}

/** Reads F-11b; null when the text is not a rehost ticket. */
export function parseRehostTicket(text: string): RehostTicket | null {
  try {
    const lines = keyValueLines(text);
    const [head, tx, source] = lines;
    if (head?.key !== "RehostTicket" || head.value !== "1.0") return null;
    if (tx?.key !== "Transaction" || !UUID.test(tx.value)) return null;
    const sourceUdi = source?.key === "SourceUDI" ? parseTradUdi(source.value) : null;
    const proof = lines.at(-1);
    if (!sourceUdi || proof?.key !== "Proof" || lines.length < 5) return null;
    const revoked = lines.slice(3, -1);
    if (!revoked.every((l) => l.key === "Revoked" && /^\*[A-Z0-9]{18}$/.test(l.value))) return null;
    return { transaction: tx.value, sourceUdi, revoked: revoked.map((l) => l.value), proof: proof.value };
  } catch {
    return null;
  }
}
