"use client";

import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";

/** `Send To:` with `Add...` for more recipients (S-53). */
export function SendToFields({
  value,
  onChange,
  error,
  testPrefix,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  testPrefix: string;
}) {
  return (
    <Field label="Send To:" error={error}>
      {(props) => (
        <div className="space-y-1">
          {value.map((address, i) => (
            <TextInput
              key={i}
              {...(i === 0 ? props : { "aria-label": `Send To: recipient ${i + 1}` })}
              type="email"
              value={address}
              data-testid={i === 0 ? `${testPrefix}-send-to` : `${testPrefix}-send-to-${i + 1}`}
              onChange={(e) => onChange(value.map((v, j) => (j === i ? e.target.value : v)))}
            />
          ))}
          {value.length < 10 && (
            <Button variant="link" onClick={() => onChange([...value, ""])} data-testid={`${testPrefix}-add-recipient`}>
              Add...
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}

export function recipientsOf(list: string[]): string[] {
  return list.map((s) => s.trim()).filter(Boolean);
}
