/**
 * Runs work in idle-time slices so a long page never blocks the main thread for long.
 * Falls back to short timeouts where `requestIdleCallback` is missing.
 */
import { benchPause, benchResume } from './bench-meter';

/** Work stops for the browser after this long, well inside one 16 ms frame. */
const SLICE_MS = 8;

function nextIdle(): Promise<IdleDeadline | null> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback((d) => resolve(d), { timeout: 100 });
    else setTimeout(() => resolve(null), 1);
  });
}

/**
 * Cuts a long computation into slices: the work asks `due` (or awaits `pause()`) between small steps,
 * and the slicer yields to the browser until its next idle period once the slice has used its time.
 */
export class IdleSlicer {
  private started = performance.now();
  private deadline: IdleDeadline | null = null;

  constructor(private readonly signal?: AbortSignal) {}

  /** True when the current slice has used its time (or the idle period is ending). */
  get due(): boolean {
    return (
      performance.now() - this.started >= SLICE_MS ||
      (this.deadline !== null && this.deadline.timeRemaining() <= 1)
    );
  }

  get aborted(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** Ends the slice and resumes in the browser's next idle period. */
  async yield(): Promise<void> {
    benchPause();
    this.deadline = await nextIdle();
    benchResume();
    this.started = performance.now();
  }

  /** Yields when the slice is due; otherwise goes on at once. */
  async pause(): Promise<void> {
    if (this.due) await this.yield();
  }

  /** Awaits something outside this script (a message) as a pause: the slice ends, a new one starts after. */
  async wait<T>(promise: Promise<T>): Promise<T> {
    benchPause();
    try {
      return await promise;
    } finally {
      benchResume();
      this.started = performance.now();
      this.deadline = null;
    }
  }
}

/** Calls `step(i)` for i in [0, count), yielding to the browser whenever a slice's time is used up. */
export async function forEachIdle(
  count: number,
  step: (index: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const slicer = new IdleSlicer(signal);
  for (let i = 0; i < count; ) {
    await slicer.yield();
    if (slicer.aborted) return;
    do {
      step(i++);
    } while (i < count && !slicer.due);
  }
}
