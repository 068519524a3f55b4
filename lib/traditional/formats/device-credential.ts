import { createHash } from "node:crypto";
import { parseTradUdi, type Udi } from "../udi";
import { keyValueLines } from "./text-lines";

/** F-11c device credential (`cred.lic`): what the device shows, and what the S-60 tool writes. */
export function credentialValue(udi: Udi): string {
  return createHash("sha256").update(`CRED|${udi.pid}|${udi.sn}`, "utf8").digest("base64");
}

export function writeDeviceCredential(udi: Udi): string {
  return `DeviceCredential: 1.0\nUDI: ${udi.pid}:${udi.sn}\nCredential: ${credentialValue(udi)}\n`;
}

export type DeviceCredential = { udi: Udi; credential: string };

/** Reads F-11c; null when the text is not a device credential. */
export function parseDeviceCredential(text: string): DeviceCredential | null {
  try {
    const lines = keyValueLines(text);
    if (lines.length !== 3) return null;
    const [head, udiLine, cred] = lines;
    if (head.key !== "DeviceCredential" || head.value !== "1.0" || udiLine.key !== "UDI" || cred.key !== "Credential") return null;
    const udi = parseTradUdi(udiLine.value);
    if (!udi || !/^[A-Za-z0-9+/]{43}=$/.test(cred.value)) return null;
    return { udi, credential: cred.value };
  } catch {
    return null;
  }
}
