import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import { TRAD_MSG } from "./messages";
import type { StoredFile } from "./license-lines";

/** `Send To:` recipients (S-53, S-54 `Email license...`): 1..10 addresses, duplicates dropped. */
export const recipientsSchema = z
  .array(z.string().trim().toLowerCase().email(TRAD_MSG.email))
  .min(1, TRAD_MSG.noRecipients)
  .max(10, TRAD_MSG.noRecipients)
  .transform((list) => [...new Set(list)]);

/** A D-28 outbox attachment: the file as the recipient saves it. */
export type MailAttachment = { fileName: string; contentType: string; content: string };

/** One outbox message per recipient with the `.lic` file attached (D-28; no real e-mail, §0.1). */
export async function queueLicenseMail(tx: DbOrTx, to: string[], file: Pick<StoredFile, "fileName" | "content">, udi: string): Promise<void> {
  if (to.length === 0) return;
  const attachments: MailAttachment[] = [{ fileName: file.fileName, contentType: "application/octet-stream", content: file.content }];
  await tx.insert(outbox).values(
    to.map((address) => ({
      to: address,
      subject: `License file ${file.fileName} for ${udi}`,
      body: `The attached license file ${file.fileName} is for device ${udi}. Install it on that device with "license install".`,
      attachments,
    })),
  );
}
