import { clsx } from "clsx";

/**
 * S-0 wizard stepper: `STEP 1 {label} | STEP 2 …` (or `1 {label}` with `prefix=""`), a `✓` on each
 * completed step, the current step marked for assistive technology.
 */
export function Stepper({ steps, current, prefix = "STEP ", testId }: { steps: string[]; current: number; prefix?: string; testId?: string }) {
  return (
    <ol className="mb-4 flex flex-wrap items-center gap-2 text-sm" aria-label="Steps" data-testid={testId}>
      {steps.map((label, i) => {
        const done = i < current;
        return (
          <li key={label} className="flex items-center gap-2" aria-current={i === current ? "step" : undefined}>
            {i > 0 && <span className="text-slate-300" aria-hidden="true">|</span>}
            <span className={clsx("rounded px-2 py-0.5", i === current ? "bg-sky-700 text-white" : done ? "text-sky-800" : "text-slate-500")}>
              {done && "✓ "}
              {prefix}
              {i + 1} {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
