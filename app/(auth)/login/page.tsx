import { redirect } from "next/navigation";
import { currentAccess } from "@/lib/auth/session";
import { config, brandTitle } from "@/lib/config";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentAccess()) redirect(callbackUrl && callbackUrl.startsWith("/") ? callbackUrl : "/post-login");
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-100 pt-24">
      <div className="w-full max-w-sm">
        <p className="mb-4 text-center text-slate-500">{brandTitle()}</p>
        <section className="rounded border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">Log In</h1>
          <LoginForm callbackUrl={callbackUrl ?? ""} demoUsers={config.demoTools ? DEMO_USERS : []} />
        </section>
      </div>
    </main>
  );
}
