"use client";

import { useState } from "react";
import { emailLicenseFileAction } from "@/app/(portal)/traditional/actions";
import { Button } from "@/components/ui/button";
import { EmailDialog } from "./email-dialog";

export type IssuedFileRef = { fileId: string; fileName: string };

/** The result of S-53, S-56 step 5, S-57 step 3 and S-59: `License Request Status: Completed`, the file, `Download`, `Email`, `Close`. */
export function ResultPanel({ file, userEmail, testPrefix, onClose }: { file: IssuedFileRef; userEmail: string; testPrefix: string; onClose: () => void }) {
  const [emailing, setEmailing] = useState(false);
  return (
    <div data-testid={`${testPrefix}-result`}>
      <p className="mb-2 font-medium" role="status">
        License Request Status: Completed
      </p>
      <p className="mb-4">
        License file: <span className="font-mono" data-testid={`${testPrefix}-file-name`}>{file.fileName}</span>
      </p>
      <div className="flex justify-end gap-2">
        <a
          href={`/api/ui/traditional/files/${file.fileId}`}
          download={file.fileName}
          className="inline-flex items-center rounded bg-sky-700 px-3 py-1.5 text-sm text-white! hover:bg-sky-800 hover:no-underline"
          data-testid={`${testPrefix}-download`}
        >
          Download
        </a>
        <Button onClick={() => setEmailing(true)} data-testid={`${testPrefix}-email`}>
          Email
        </Button>
        <Button onClick={onClose} data-testid={`${testPrefix}-close`}>
          Close
        </Button>
      </div>
      {emailing && (
        <EmailDialog
          title="Email License"
          defaultTo={userEmail}
          testId={`${testPrefix}-email-license`}
          send={(to) => emailLicenseFileAction({ fileId: file.fileId, sendTo: to })}
          onClose={() => setEmailing(false)}
        />
      )}
    </div>
  );
}
