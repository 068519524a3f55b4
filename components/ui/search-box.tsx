"use client";

import { useEffect, useRef, useState } from "react";

/** S-0 search box: filters on Enter or after 300 ms without typing. */
export function SearchBox({ label, onSearch, testId, initial = "" }: { label: string; onSearch: (q: string) => void; testId?: string; initial?: string }) {
  const [value, setValue] = useState(initial);
  const last = useRef(initial);
  const callback = useRef(onSearch);
  useEffect(() => {
    callback.current = onSearch;
  });
  useEffect(() => {
    const t = setTimeout(() => {
      if (value !== last.current) {
        last.current = value;
        callback.current(value);
      }
    }, 300);
    return () => clearTimeout(t);
  }, [value]);
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={label}
      value={value}
      data-testid={testId}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          last.current = value;
          onSearch(value);
        }
      }}
      className="w-64 rounded border border-slate-300 px-2 py-1"
    />
  );
}
