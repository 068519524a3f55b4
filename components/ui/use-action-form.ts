"use client";

import { useState } from "react";
import type { z } from "zod";
import { fieldErrorsFromZod } from "@/lib/actions/field-errors";
import type { ActionResult } from "@/lib/actions/mutation";

/**
 * A dialog form's submit: the same zod schema checks the input in the browser first (V-1), then the
 * server action runs; field messages go under their fields, any other failure above the form.
 * Resolves to the action's data and the parsed input, or null when nothing was changed.
 */
export function useActionForm() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit<S extends z.ZodType, A extends ActionResult<unknown>>(
    schema: S,
    input: unknown,
    action: (parsed: z.output<S>) => Promise<A>,
  ): Promise<{ data: Extract<A, { ok: true }>["data"]; parsed: z.output<S> } | null> {
    const local = schema.safeParse(input);
    if (!local.success) {
      setErrors(fieldErrorsFromZod(local.error));
      setFormError(null);
      return null;
    }
    setBusy(true);
    let result: A;
    try {
      result = await action(local.data);
    } finally {
      setBusy(false);
    }
    if (result.ok) {
      setErrors({});
      setFormError(null);
      return { data: result.data, parsed: local.data };
    }
    setErrors(result.fieldErrors ?? {});
    setFormError(result.fieldErrors ? null : result.error);
    return null;
  }

  return { errors, formError, busy, submit };
}
