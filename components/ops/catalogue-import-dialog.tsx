"use client";

import { useRef, useState } from "react";
import type { CatalogueImportResponse } from "@/app/api/ui/ops/catalogue/import/route";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** S-34 `Import CSV...`: `Download Template`, `Browse`, `Import` (F-12a, all or nothing per V-31a). */
export function CatalogueImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    try {
      const res = await fetch("/api/ui/ops/catalogue/import", {
        method: "POST",
        headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await res.json().catch(() => null)) as CatalogueImportResponse | { message?: string } | null;
      if (body && "ok" in body && body.ok) onDone(body.message);
      else if (body && "errors" in body) setErrors(body.errors);
      else setErrors([body?.message ?? "Something went wrong, and nothing was changed. Please try again."]);
    } catch {
      setErrors(["The file could not be sent. Check the connection and try again."]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Import CSV"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={!file || busy} onClick={() => void submit()} data-testid="s34-import">
            Import
          </Button>
        </>
      }
    >
      {errors.length > 0 && (
        <div role="alert" className="mb-3 max-h-60 overflow-y-auto rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800" data-testid="s34-import-errors">
          {errors.length > 1 && <p className="mb-1 font-medium">Nothing was imported.</p>}
          <ul className={errors.length > 1 ? "list-disc pl-5" : undefined}>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="mb-3 text-slate-600">
        Add or update license definitions from a CSV file with the header row of the template. A row whose entitlement tag is already in the catalogue
        updates that definition.{" "}
        <a href="/api/ui/ops/catalogue/template" download data-testid="s34-download-template">
          Download Template
        </a>
      </p>
      <div className="flex items-center gap-3">
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="s34-browse-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors([]);
          }}
        />
        <Button onClick={() => input.current?.click()} data-testid="s34-browse">
          Browse
        </Button>
        <span className="text-slate-600" data-testid="s34-import-file-name">
          {file ? file.name : "No file chosen"}
        </span>
      </div>
    </Dialog>
  );
}
