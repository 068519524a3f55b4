"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addPaksAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { TRAD_MSG } from "@/lib/traditional/messages";

/** S-52 `Add New PAKs/Tokens...`: up to 10 PAKs, one per line (V-50, E-100). */
export function AddPaksDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const list = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (list.length === 0) return setError(TRAD_MSG.noPaks);
    if (list.length > 10) return setError(TRAD_MSG.maxPaks);
    const bad = list.find((p) => !/^[A-Z0-9]{11}$/.test(p.toUpperCase()));
    if (bad) return setError(TRAD_MSG.pakFormat);
    setBusy(true);
    const res = await addPaksAction({ paks: text });
    setBusy(false);
    if (res.ok) {
      toast.success(`${res.data.added.length} PAK(s) were added to your PAK list.`);
      onDone();
    } else setError(res.error);
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Add New PAKs/Tokens"
      testId="s52-add-new-paks-tokens-dialog"
      footer={
        <>
          <Button onClick={onClose} data-testid="s52-add-paks-cancel">
            Cancel
          </Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()} data-testid="s52-add">
            Add
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <Field label="PAKs/Tokens" hint="Up to 10 PAKs or tokens, one per line.">
        {(props) => (
          <textarea
            {...props}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono"
            data-testid="s52-paks-tokens"
          />
        )}
      </Field>
    </Dialog>
  );
}
