/** S-0 wizard stepper: `STEP 1 {label} | STEP 2 …`, with `✓` on each completed step. */
export function Stepper({ steps, current, testId }: { steps: string[]; current: number; testId?: string }) {
  return (
    <ol className="mb-4 flex flex-wrap gap-1 text-xs" data-testid={testId} aria-label="Steps">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === current ? "step" : undefined}
          className={
            i === current
              ? "rounded bg-sky-700 px-2 py-1 font-semibold text-white"
              : i < current
                ? "rounded bg-sky-100 px-2 py-1 text-sky-800"
                : "rounded bg-slate-100 px-2 py-1 text-slate-500"
          }
        >
          {i < current && <span aria-hidden="true">✓ </span>}
          STEP {i + 1} {label}
        </li>
      ))}
    </ol>
  );
}
