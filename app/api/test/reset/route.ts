import { z } from "zod";
import { now } from "@/lib/clock";
import { json } from "@/lib/http/route";
import { testHook } from "@/lib/http/test-hook";
import { forgetDemoBadge } from "@/lib/seed/demo-badge";
import { resetDemoData } from "@/lib/seed/reset";

const schema = z.object({ seed: z.enum(["demo", "empty"]).default("demo") });

/** A-25 / W-59: remove demo data (keeping keys, fingerprint and reference data) and reseed at the clock's now. */
export const POST = testHook(async ({ body, db }) => {
  const input = schema.safeParse(body);
  if (!input.success) return json(400, { message: 'seed must be "demo" or "empty".' });
  await resetDemoData(db, input.data.seed, now());
  forgetDemoBadge();
  return json(200, { status: "OK", seed: input.data.seed, t0: now().toISOString() });
});
