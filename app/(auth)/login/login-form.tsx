"use client";

import { useActionState, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { logIn, type LoginState } from "./actions";

type DemoUser = { email: string; ccoId: string; access: string };

export function LoginForm({ callbackUrl, demoUsers }: { callbackUrl: string; demoUsers: DemoUser[] }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(logIn, {});
  const formRef = useRef<HTMLFormElement>(null);

  function signInAs(email: string) {
    const form = formRef.current!;
    (form.elements.namedItem("login") as HTMLInputElement).value = email;
    (form.elements.namedItem("password") as HTMLInputElement).value = "Demo123!";
    form.requestSubmit();
  }

  return (
    <>
      <form ref={formRef} action={action} noValidate data-testid="s1-login-form">
        <FormError message={state.error} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label="Email or Username" error={state.fieldErrors?.login}>
          {(p) => (
            <TextInput {...p} name="login" autoComplete="username" defaultValue={state.login} data-testid="s1-email-or-username" autoFocus />
          )}
        </Field>
        <Field label="Password" error={state.fieldErrors?.password}>
          {(p) => <TextInput {...p} name="password" type="password" autoComplete="current-password" data-testid="s1-password" />}
        </Field>
        <div className="flex items-center justify-between">
          <Button type="submit" variant="primary" disabled={pending} data-testid="s1-log-in">
            Log In
          </Button>
          <Button
            variant="link"
            data-testid="s1-forgot-password"
            onClick={() =>
              toast.info("Passwords are managed by your OpenSSM administrator. Ask them to reset yours.")
            }
          >
            Forgot password?
          </Button>
        </div>
      </form>
      {demoUsers.length > 0 && (
        <section aria-label="Demo users" className="mt-6 border-t border-slate-200 pt-4">
          <h2 className="mb-2 font-semibold">Demo users</h2>
          <ul className="space-y-1">
            {demoUsers.map((u) => (
              <li key={u.email} className="flex items-center justify-between gap-2">
                <Button variant="link" onClick={() => signInAs(u.email)} data-testid={`s1-demo-${u.ccoId}`}>
                  {u.email}
                </Button>
                <span className="truncate text-xs text-slate-500" title={u.access}>
                  {u.ccoId}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
