"use client";

import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";

/** The `Virtual Account` dropdown of S-27 and S-28: the choice lives in the URL (`?va=`). */
export function VaDropdown({ vas, selectedId, testId }: { vas: { id: string; name: string }[]; selectedId: string; testId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  return (
    <div className="mb-4 flex items-center gap-2">
      <label htmlFor={id} className="font-medium text-slate-700">
        Virtual Account
      </label>
      <select
        id={id}
        data-testid={testId}
        className="rounded border border-slate-300 bg-white px-2 py-1.5"
        value={selectedId}
        onChange={(e) => router.push(`${pathname}?va=${e.target.value}`)}
      >
        {vas.map((va) => (
          <option key={va.id} value={va.id}>
            {va.name}
          </option>
        ))}
      </select>
    </div>
  );
}
