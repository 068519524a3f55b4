import { prepareDatabase } from "@/lib/server/prepare";
import { resolveAuthSecret } from "@/lib/secrets";
import { rotateSigningKey } from "@/lib/signing/keys";
import { withDatabase } from "./cli";

// npm run keys:rotate — a new current signing key, whose id it prints; the old one is retired but
// stays published and keeps verifying what it signed (D-29).
await withDatabase(async (handle) => {
  process.env.AUTH_SECRET ??= resolveAuthSecret();
  await prepareDatabase(handle, { seedDemo: false });
  const keyId = await rotateSigningKey(handle.db);
  console.log(keyId);
});
