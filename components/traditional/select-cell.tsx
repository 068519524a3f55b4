/** The row checkbox of S-52 and S-54: adds `id` to, or removes it from, the selection. */
export function SelectCell({ label, id, selected, onChange }: { label: string; id: string; selected: Set<string>; onChange: (next: Set<string>) => void }) {
  return (
    <td className="px-3 py-1.5">
      <input
        type="checkbox"
        aria-label={label}
        checked={selected.has(id)}
        onChange={(e) => {
          const next = new Set(selected);
          if (e.target.checked) next.add(id);
          else next.delete(id);
          onChange(next);
        }}
      />
    </td>
  );
}
