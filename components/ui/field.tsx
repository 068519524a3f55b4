import { clsx } from "clsx";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";

/** A labelled input whose accessible name is its visible label, with its field message below (V-1). */
export function Field({
  label,
  error,
  hint,
  required,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-msg`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-700">
        {required && <span className="text-red-700">* </span>}
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error || hint ? messageId : undefined })}
      {error ? (
        <p id={messageId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={clsx(
        "w-full rounded border border-slate-300 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-600",
        className,
      )}
      {...props}
    />
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
      {message}
    </div>
  );
}
