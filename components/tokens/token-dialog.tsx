"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { wrapForDisplay } from "@/lib/tokens/display";

export async function fetchToken(id: string): Promise<{ token: string; fileName: string }> {
  const res = await fetch(`/api/ui/tokens/${id}`, { cache: "no-store" });
  const body = await res.json();
  if (!res.ok) throw new Error(body.message ?? "The token could not be loaded.");
  return body;
}

export async function copyToken(token: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(token);
    toast.success("The token was copied to the clipboard.");
    return true;
  } catch {
    return false;
  }
}

/** The route answers with `Content-Disposition: attachment`, so the page stays where it is. */
export function downloadToken(id: string) {
  const link = document.createElement("a");
  link.href = `/api/ui/tokens/${id}/download`;
  link.download = "";
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** S-8 `Token`: the full token, already selected, in its 60-character lines (W-5). */
export function TokenDialog({ id, token: known, onClose }: { id: string; token?: string; onClose: () => void }) {
  const query = useQuery({ queryKey: ["token", id], queryFn: () => fetchToken(id), enabled: !known, gcTime: 0, staleTime: 0 });
  const token = known ?? query.data?.token;
  const area = useRef<HTMLTextAreaElement | null>(null);
  // The dialog mounts its content in a portal and then focuses its first control: select after that.
  const attach = useCallback(
    (el: HTMLTextAreaElement | null) => {
      area.current = el;
      if (!el || !token) return;
      const frame = requestAnimationFrame(() => {
        el.focus();
        el.select();
      });
      return () => cancelAnimationFrame(frame);
    },
    [token],
  );

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Token"
      testId="s8-token-dialog"
      footer={
        <>
          <Button
            disabled={!token}
            onClick={() => {
              if (!token) return;
              void copyToken(token).then((ok) => {
                if (!ok) area.current?.select();
              });
            }}
            data-testid="s8-copy"
          >
            Copy
          </Button>
          <Button disabled={!token} onClick={() => downloadToken(id)} data-testid="s8-download">
            Download
          </Button>
          <Button variant="primary" onClick={onClose} data-testid="s8-close">
            Close
          </Button>
        </>
      }
    >
      {query.isError && <FormError message={(query.error as Error).message} />}
      <textarea
        ref={attach}
        readOnly
        aria-label="Token"
        rows={4}
        value={token ? wrapForDisplay(token) : ""}
        onFocus={(e) => e.currentTarget.select()}
        className="w-full resize-none rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs"
        data-testid="s8-token"
      />
      <p className="mt-1 text-xs text-slate-500">Press ctrl + c to copy selected text to clipboard.</p>
    </Dialog>
  );
}
