import type { DbOrTx } from "@/db/client";
import { jcs } from "./jcs";
import { currentSigningKey, type SigningKey } from "./keys";
import { signMessage, verifyMessage } from "./sign";

/** One signed F-4 element: the JCS text of `data`, the signature over it and the key that made it. */
export type SignedData = { dataText: string; keyId: string; signature: string };

export function signDataWith(key: SigningKey, data: unknown): SignedData {
  const dataText = jcs(data);
  return { dataText, keyId: key.keyId, signature: signMessage(key, dataText) };
}

/** Signs `data` with the current key (F-4). */
export async function signData(db: DbOrTx, data: unknown): Promise<SignedData> {
  return signDataWith(await currentSigningKey(db), data);
}

/** `]]>` cannot appear inside one CDATA section, so it is split across two (the text is unchanged). */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/**
 * The body of a signed element, as F-3/F-5/F-13 write it:
 * `<data><![CDATA[{JCS}]]></data><signature algorithm="ES256" keyId="…">…</signature>`.
 */
export function signedBodyXml(signed: SignedData): string {
  return `<data>${cdata(signed.dataText)}</data><signature algorithm="ES256" keyId="${signed.keyId}">${signed.signature}</signature>`;
}

/** `<{element}>` + the signed body + `</{element}>`. */
export function signedElementXml(element: string, signed: SignedData): string {
  return `<${element}>${signedBodyXml(signed)}</${element}>`;
}

export type FoundSignedElement = SignedData & { element: string };

const ELEMENT_RE =
  /<(smartLicense[A-Za-z]*)>\s*<data>((?:<!\[CDATA\[[\s\S]*?\]\]>)+)<\/data>\s*<signature algorithm="ES256" keyId="([^"]+)">([A-Za-z0-9+/=\s]+)<\/signature>\s*<\/\1>/g;

/** Finds every signed `<smartLicense…><data/><signature/></smartLicense…>` element in a document. */
export function findSignedElements(xml: string): FoundSignedElement[] {
  const found: FoundSignedElement[] = [];
  for (const m of xml.matchAll(ELEMENT_RE)) {
    const dataText = [...m[2].matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((c) => c[1]).join("");
    found.push({ element: m[1], dataText, keyId: m[3], signature: m[4].replace(/\s+/g, "") });
  }
  return found;
}

/** Verifies one element against the published keys (id → public PEM); unknown keys fail. */
export function verifySignedElement(el: SignedData, publicPemById: Map<string, string>): boolean {
  const pem = publicPemById.get(el.keyId);
  return Boolean(pem) && verifyMessage(pem!, el.dataText, el.signature);
}
