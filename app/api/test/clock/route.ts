import { z } from "zod";
import { now, offsetClock, pinClock, resetClock } from "@/lib/clock";
import { json } from "@/lib/http/route";
import { testHook } from "@/lib/http/test-hook";

const schema = z.union([
  z.object({ now: z.string().datetime({ offset: true }) }),
  z.object({ offset_ms: z.number().int() }),
  z.object({ reset: z.literal(true) }),
]);

/** pin the clock (`now`), let it tick at an offset (`offset_ms`), or back to real time. */
export const POST = testHook(async ({ body }) => {
  const input = schema.safeParse(body);
  if (!input.success) return json(400, { message: 'Send {"now":"<ISO 8601 time>"} or {"offset_ms":<integer>}.' });
  if ("now" in input.data) pinClock(new Date(input.data.now));
  else if ("offset_ms" in input.data) offsetClock(input.data.offset_ms);
  else resetClock();
  return json(200, { status: "OK", now: now().toISOString() });
});
