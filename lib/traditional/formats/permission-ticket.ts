import { verifyMessage } from "@/lib/signing/sign";
import { parseTradUdi, type Udi } from "../udi";
import { parseLicenseValue } from "./license-file";
import { keyValueLines, UUID } from "./text-lines";

/** F-11a permission ticket (`pt.lic`): the lines to remove and the 60-day GRACE lines to add, signed. */
export type PermissionTicketRemove = { serial: string; feature: string; version: string; count: number | null };

export type PermissionTicket = {
  transaction: string;
  sourceUdi: Udi;
  removes: PermissionTicketRemove[];
  /** F-11 `License:` values of the GRACE lines. */
  adds: string[];
};

function body(t: PermissionTicket): string {
  const lines = [
    "PermissionTicket: 1.0",
    `Transaction: ${t.transaction}`,
    `SourceUDI: ${t.sourceUdi.pid}:${t.sourceUdi.sn}`,
    ...t.removes.map((r) => `Remove: ${r.serial} ${r.feature} ${r.version} ${r.count ?? "INFINITE_KEYS"}`),
    ...t.adds.map((a) => `Add: ${a}`),
  ];
  return lines.map((l) => l + "\n").join("");
}

/** `Signature:` is ECDSA (F-4 key) over every preceding line, each with its LF. */
export function writePermissionTicket(t: PermissionTicket, sign: (message: string) => string): string {
  const text = body(t);
  return `${text}Signature: ${sign(text)}\n`;
}

export type ParsedPermissionTicket = PermissionTicket & { signature: string; signedText: string };

/** Reads F-11a; throws when the text is not a permission ticket. */
export function parsePermissionTicket(text: string): ParsedPermissionTicket {
  const lines = keyValueLines(text);
  const [head, tx, source] = lines;
  if (head?.key !== "PermissionTicket" || head.value !== "1.0") throw new Error("Not a permission ticket.");
  if (tx?.key !== "Transaction" || !UUID.test(tx.value)) throw new Error("The permission ticket names no transaction.");
  const sourceUdi = source?.key === "SourceUDI" ? parseTradUdi(source.value) : null;
  if (!sourceUdi) throw new Error("The permission ticket names no source UDI.");
  const removes: PermissionTicketRemove[] = [];
  const adds: string[] = [];
  let signature: string | null = null;
  let signedText = lines.slice(0, 3).map((l) => l.raw + "\n").join("");
  for (const line of lines.slice(3)) {
    if (signature !== null) throw new Error("Nothing may follow the signature.");
    if (line.key === "Remove") {
      const [serial, feature, version, count, ...rest] = line.value.split(" ");
      if (!/^\*[A-Z0-9]{18}$/.test(serial ?? "") || !feature || !version || !count || rest.length) throw new Error("Malformed Remove line.");
      if (count !== "INFINITE_KEYS" && !/^\d+$/.test(count)) throw new Error("Malformed Remove count.");
      removes.push({ serial, feature, version, count: count === "INFINITE_KEYS" ? null : Number(count) });
    } else if (line.key === "Add") {
      const value = line.value.replace(/^License: /, "");
      parseLicenseValue(value);
      adds.push(value);
    } else if (line.key === "Signature") {
      signature = line.value;
      continue;
    } else throw new Error(`Unexpected line "${line.key}" in a permission ticket.`);
    signedText += line.raw + "\n";
  }
  if (!signature || removes.length === 0) throw new Error("The permission ticket is incomplete.");
  return { transaction: tx.value, sourceUdi, removes, adds, signature, signedText };
}

/** As a device would (V-28): the signature must verify against one of the published keys. */
export function verifyPermissionTicket(t: ParsedPermissionTicket, publicPems: string[]): boolean {
  return publicPems.some((pem) => verifyMessage(pem, t.signedText, t.signature));
}
