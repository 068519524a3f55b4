/**
 * Every time read in OpenSSM goes through this module, so tests and demos can pin time.
 * A pinned clock stands still; an offset clock ticks with real time.
 */
type ClockState = { pinnedMs: number | null; offsetMs: number };
const holder = globalThis as unknown as { __openssmClock?: ClockState };

function state(): ClockState {
  if (!holder.__openssmClock) {
    const fromEnv = process.env.OPENSSM_CLOCK ? Date.parse(process.env.OPENSSM_CLOCK) : NaN;
    holder.__openssmClock = { pinnedMs: Number.isFinite(fromEnv) ? fromEnv : null, offsetMs: 0 };
  }
  return holder.__openssmClock;
}

export function now(): Date {
  const s = state();
  return new Date(s.pinnedMs ?? Date.now() + s.offsetMs);
}

export function pinClock(at: Date): void {
  Object.assign(state(), { pinnedMs: at.getTime(), offsetMs: 0 });
}

export function offsetClock(offsetMs: number): void {
  Object.assign(state(), { pinnedMs: null, offsetMs });
}

export function resetClock(): void {
  Object.assign(state(), { pinnedMs: null, offsetMs: 0 });
}

export const DAY_MS = 86_400_000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of a date in UTC, for `date` columns. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
