import { decode } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE, sessionSecret } from "@/lib/auth/config";

// Machine interfaces and hooks authenticate themselves; everything else needs a session.
const PUBLIC = [
  /^\/login(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/test\//,
  /^\/api\/device\//,
  /^\/api\/v\d/,
  /^\/services\/api\//,
  /^\/cslu\/v1\//,
  /^\/\.well-known\//,
  /^\/as\/token\.oauth2/,
  /^\/oauth2\//,
];

async function hasSession(req: NextRequest): Promise<boolean> {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (!token) return false;
  try {
    const payload = await decode({ token, secret: sessionSecret(), salt: SESSION_COOKIE });
    return Boolean(payload?.sub);
  } catch {
    return false;
  }
}

/** Sends anonymous visitors to `/login?callbackUrl=…`; pages re-check the user and their roles. */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC.some((re) => re.test(pathname)) || (await hasSession(req))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ message: "Your session has ended. Log in again." }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

// Next.js buffers (and past 10 MB cuts) the body of every request the proxy sees, so usage uploads
// skip it and stream into their route handler, which checks the session itself (uiRoute).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/ui/usage-files).*)"],
};
