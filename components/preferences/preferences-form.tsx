"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { savePreferencesAction } from "@/app/(portal)/preferences/actions";
import { Button } from "@/components/ui/button";
import { NOTIFY_ROWS } from "@/lib/alerts/types";
import type { Preferences } from "@/lib/preferences/notifications";

/** S-29 Preferences: `Email Notifications` (nine rows, VA scope), `Display` › `Time Zone`, `Save`. */
export function PreferencesForm({
  smartAccountId,
  vaOptions,
  saved,
  timeZones,
}: {
  smartAccountId: string;
  vaOptions: { id: string; name: string }[];
  saved: Preferences;
  timeZones: string[];
}) {
  const router = useRouter();
  const [notify, setNotify] = useState(saved.notify);
  const [all, setAll] = useState(saved.scope.all);
  const [vaIds, setVaIds] = useState<string[]>(saved.scope.vaIds);
  const [timeZone, setTimeZone] = useState(saved.timeZone);
  const save = useMutation({
    mutationFn: () => savePreferencesAction({ smartAccountId, notify, scope: { all, vaIds }, timeZone }),
    onSuccess: (r) => {
      if (r.ok) {
        toast.success("Preferences saved.");
        router.refresh();
      } else toast.error(r.error);
    },
    onError: () => toast.error("Something went wrong, and nothing was changed. Please try again."),
  });
  const setFlag = (key: keyof typeof notify, which: "email" | "summary", value: boolean) =>
    setNotify((n) => ({ ...n, [key]: { ...n[key], [which]: value } }));

  return (
    <form
      className="max-w-3xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <section aria-labelledby="s29-email" className="rounded border border-slate-200 bg-white">
        <h2 id="s29-email" className="border-b border-slate-200 px-3 py-2 text-base font-semibold">
          Email Notifications
        </h2>
        <table className="w-full text-left">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Event</th>
              <th scope="col" className="w-24 px-3 py-2 text-center">Email</th>
              <th scope="col" className="w-48 px-3 py-2 text-center">Include in Daily Summary</th>
            </tr>
          </thead>
          <tbody>
            {NOTIFY_ROWS.map((r) => (
              <tr key={r.key} className="border-t border-slate-100">
                <td className="px-3 py-1.5">{r.label}</td>
                <td className="px-3 py-1.5 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${r.label} Email`}
                    checked={notify[r.key].email}
                    onChange={(e) => setFlag(r.key, "email", e.target.checked)}
                  />
                </td>
                <td className="px-3 py-1.5 text-center">
                  <input
                    type="checkbox"
                    aria-label={`${r.label} Include in Daily Summary`}
                    checked={notify[r.key].summary}
                    onChange={(e) => setFlag(r.key, "summary", e.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="space-y-2 border-t border-slate-200 px-3 py-2">
          <legend className="sr-only">Virtual Accounts</legend>
          <label className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} />
            All Virtual Accounts
          </label>
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} />
            Selected Virtual Accounts
          </label>
          {!all && (
            <select
              multiple
              aria-label="Selected Virtual Accounts"
              value={vaIds}
              onChange={(e) => setVaIds([...e.target.selectedOptions].map((o) => o.value))}
              className="block w-72 rounded border border-slate-300 px-2 py-1"
              size={Math.min(8, Math.max(3, vaOptions.length))}
            >
              {vaOptions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </fieldset>
      </section>
      <section aria-labelledby="s29-display" className="rounded border border-slate-200 bg-white">
        <h2 id="s29-display" className="border-b border-slate-200 px-3 py-2 text-base font-semibold">
          Display
        </h2>
        <label className="flex items-center gap-2 px-3 py-2">
          <span>Time Zone</span>
          <select aria-label="Time Zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className="rounded border border-slate-300 px-2 py-1">
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </section>
      <Button type="submit" variant="primary" disabled={save.isPending}>
        Save
      </Button>
    </form>
  );
}
