"use client";

import { useState } from "react";
import { toast } from "sonner";
import {
  assignLicenseTagAction,
  createLicenseTagAction,
  deleteLicenseTagAction,
  renameLicenseTagAction,
} from "@/app/(portal)/inventory/licenses/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextInput } from "@/components/ui/field";
import type { LicenseTag } from "./types";

/** S-12: the tag list (`New Tag`, `Rename`, `Delete`) and checkboxes assigning the selected tag; `Save`. */
export function ManageTagsDialog({
  smartAccountId,
  tags,
  licenses,
  onChanged,
  onClose,
}: {
  smartAccountId: string;
  tags: LicenseTag[];
  licenses: { id: string; name: string }[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const [selected, setSelected] = useState<string | null>(tags[0]?.id ?? null);
  const [draft, setDraft] = useState<Record<string, Set<string>>>({});
  const [newName, setNewName] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tag = tags.find((t) => t.id === selected) ?? null;
  const checked = tag ? (draft[tag.id] ?? new Set(tag.licenseDefinitionIds)) : new Set<string>();

  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, success: string, after?: (data: T) => void) {
    setBusy(true);
    setError(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    toast.success(success);
    after?.(r.data);
    onChanged();
  }

  function toggle(id: string) {
    if (!tag) return;
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setDraft((d) => ({ ...d, [tag.id]: next }));
  }

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Manage License Tags"
      wide
      testId="s12-manage-license-tags-dialog"
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button
            variant="primary"
            disabled={busy || !tag}
            data-testid="s12-save"
            onClick={() =>
              tag &&
              void run(
                () => assignLicenseTagAction({ smartAccountId, tagId: tag.id, licenseDefinitionIds: [...checked] }),
                `License tag "${tag.name}" was saved.`,
                () => setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== tag.id))),
              )
            }
          >
            Save
          </Button>
        </>
      }
    >
      <FormError message={error} />
      <div className="grid grid-cols-[14rem_1fr] gap-4">
        <div>
          <div className="mb-2 flex gap-1">
            <TextInput aria-label="Tag name" placeholder="Tag name" maxLength={40} value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="s12-tag-name" />
            <Button
              disabled={busy}
              data-testid="s12-new-tag"
              onClick={() =>
                void run(() => createLicenseTagAction({ smartAccountId, name: newName }), `License tag "${newName.trim()}" was created.`, (t) => {
                  setNewName("");
                  setSelected(t.id);
                })
              }
            >
              New Tag
            </Button>
          </div>
          <ul aria-label="License tags" className="rounded border border-slate-200">
            {tags.length === 0 && <li className="px-2 py-2 text-slate-500">No tags yet.</li>}
            {tags.map((t) => (
              <li key={t.id} className={`flex items-center gap-1 px-2 py-1 ${t.id === selected ? "bg-sky-50" : ""}`}>
                {renaming === t.id ? (
                  <RenameField
                    initial={t.name}
                    onCancel={() => setRenaming(null)}
                    onSave={(name) =>
                      void run(() => renameLicenseTagAction({ smartAccountId, tagId: t.id, name }), `License tag "${t.name}" was renamed.`, () => setRenaming(null))
                    }
                  />
                ) : (
                  <>
                    <button type="button" className="flex-1 text-left" aria-pressed={t.id === selected} onClick={() => setSelected(t.id)}>
                      {t.name}
                    </button>
                    <Button variant="link" onClick={() => setRenaming(t.id)} aria-label={`Rename ${t.name}`}>
                      Rename
                    </Button>
                    <Button
                      variant="link"
                      aria-label={`Delete ${t.name}`}
                      onClick={() => void run(() => deleteLicenseTagAction({ smartAccountId, tagId: t.id }), `License tag "${t.name}" was deleted.`)}
                    >
                      Delete
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
        <fieldset disabled={!tag} className="max-h-80 overflow-y-auto rounded border border-slate-200 p-2">
          <legend className="px-1 text-slate-600">{tag ? `Licenses tagged "${tag.name}"` : "Select a tag"}</legend>
          {licenses.map((l) => (
            <label key={l.id} className="flex items-center gap-2 py-0.5">
              <input type="checkbox" checked={checked.has(l.id)} onChange={() => toggle(l.id)} />
              {l.name}
            </label>
          ))}
        </fieldset>
      </div>
    </Dialog>
  );
}

function RenameField({ initial, onSave, onCancel }: { initial: string; onSave: (name: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TextInput aria-label="New tag name" maxLength={40} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
      <Button variant="link" onClick={() => onSave(value)}>
        OK
      </Button>
      <Button variant="link" onClick={onCancel}>
        Cancel
      </Button>
    </>
  );
}
