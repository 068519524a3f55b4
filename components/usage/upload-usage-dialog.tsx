"use client";

import { useState } from "react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { V20_EMPTY, v20TooLarge } from "@/lib/usage/messages";
import { checkUploadName } from "@/lib/usage/upload/file-name";

export type UploadResult = { id: string; fileName: string; status: "AWAITING_VA" | "PROCESSING" };

/** Sends the file as the raw request body; XMLHttpRequest reports upload progress, fetch cannot. */
function sendFile(file: File, smartAccountId: string, onProgress: (fraction: number) => void): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/ui/usage-files?sa=${encodeURIComponent(smartAccountId)}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { message: "The upload failed. Please try again." };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The upload failed. Check the connection and try again."));
    xhr.send(file);
  });
}

/** V-1: the checks the browser can make before sending (V-20 size, V-21 name); the server repeats them. */
function localProblem(file: File, maxUploadMb: number): string | null {
  if (file.size === 0) return V20_EMPTY;
  if (file.size > maxUploadMb * 1024 * 1024) return v20TooLarge(maxUploadMb);
  try {
    checkUploadName(file.name);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** S-26 `Upload Usage Data`: Browse or drop a file, upload it with a progress bar; V-20..V-29 shown inline. */
export function UploadUsageDialog({
  smartAccountId,
  maxUploadMb,
  onClose,
  onUploaded,
}: {
  smartAccountId: string;
  maxUploadMb: number;
  onClose: () => void;
  onUploaded: (result: UploadResult) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const busy = progress !== null;
  const { getRootProps, getInputProps, open, isDragActive } = useDropzone({
    multiple: false,
    noClick: true,
    noKeyboard: true,
    disabled: busy,
    onDrop: (accepted) => {
      if (accepted[0]) {
        setFile(accepted[0]);
        setError(null);
      }
    },
  });

  async function submit() {
    if (!file) return setError("Choose a usage data file.");
    const problem = localProblem(file, maxUploadMb);
    if (problem) return setError(problem);
    setError(null);
    setProgress(0);
    try {
      const { status, body } = await sendFile(file, smartAccountId, setProgress);
      if (status === 201) onUploaded(body as unknown as UploadResult);
      else setError(String(body.message ?? "The upload failed. Please try again."));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && !busy && onClose()}
      title="Upload Usage Data"
      testId="s26-upload-usage-data-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-testid="s26-cancel">
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} disabled={busy || !file} data-testid="s26-upload-data">
            Upload Data
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <p className="mb-3 text-slate-700">Choose the usage file your device or License Utility produced, then upload it.</p>
      <div className="mb-1 flex items-center gap-2">
        <span id="s26-file-label" className="font-medium text-slate-700">
          <span className="text-red-700">* </span>Usage Data File:
        </span>
        <span className="min-w-0 flex-1 truncate rounded border border-slate-300 bg-slate-50 px-2 py-1" aria-labelledby="s26-file-label" data-testid="s26-usage-data-file" title={file?.name}>
          {file?.name ?? "No file chosen"}
        </span>
        <Button onClick={open} disabled={busy} data-testid="s26-browse">
          Browse
        </Button>
      </div>
      <p className="mb-3 text-xs text-slate-500">Accepted types: .tar, .tar.gz, .tgz, .xml, .txt, or no extension.</p>
      <div
        {...getRootProps({
          className: `rounded border-2 border-dashed px-4 py-6 text-center ${isDragActive ? "border-sky-600 bg-sky-50" : "border-slate-300 text-slate-500"}`,
          role: "region",
          "aria-label": "Drop a usage data file here",
        })}
        data-testid="s26-drop-zone"
      >
        <input {...getInputProps()} data-testid="s26-file-input" />
        {isDragActive ? "Drop the file to choose it" : "Or drag a usage data file here"}
      </div>
      {busy && (
        <div className="mt-3">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-2 w-full overflow-hidden rounded bg-slate-200"
            data-testid="s26-upload-progress"
          >
            <div className="h-full bg-sky-700 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600">{progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Checking the file…"}</p>
        </div>
      )}
    </Dialog>
  );
}
