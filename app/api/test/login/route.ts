import { encode } from "next-auth/jwt";
import { z } from "zod";
import { SESSION_COOKIE, SESSION_MAX_AGE, sessionSecret } from "@/lib/auth/config";
import { findUserByLogin } from "@/lib/auth/sign-in";
import { json } from "@/lib/http/route";
import { testHook } from "@/lib/http/test-hook";

const schema = z.object({ email: z.string().min(1) });

/** a session cookie for a user without the form (writes no sign-in attempt). */
export const POST = testHook(async ({ body, db }) => {
  const input = schema.safeParse(body);
  if (!input.success) return json(400, { message: "email is required." });
  const user = await findUserByLogin(db, input.data.email);
  if (!user || user.disabledAt) return json(404, { message: "No user found with that email or username." });
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.displayName },
    secret: sessionSecret(),
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE,
  });
  const res = json(200, { status: "OK", cookie: { name: SESSION_COOKIE, value: token } });
  res.headers.append("Set-Cookie", `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE}`);
  return res;
});
