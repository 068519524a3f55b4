import { ValidationError } from "@/lib/access/errors";
import { devRoute } from "@/lib/http/dev-route";
import { json } from "@/lib/http/route";
import { importSimFile } from "@/lib/simulator/devices";
import { MAX_IMPORT_BYTES } from "@/lib/simulator/import";
import { simDeviceIdSchema } from "@/lib/simulator/schemas";

/** S-60 `Import File`: an ACK, policy, SLAC, SLR or PLR code for this device (multipart field `file`). */
export const POST = devRoute<{ id: string }>(async ({ req, db, params }) => {
  const { deviceId } = simDeviceIdSchema.parse({ deviceId: params.id });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw new ValidationError("The file is larger than 5 MB.");
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") throw new ValidationError("Choose a file to import.");
  const bytes = Buffer.from(await file.arrayBuffer());
  return json(200, await db.transaction((tx) => importSimFile(tx, { deviceId, bytes })));
});
