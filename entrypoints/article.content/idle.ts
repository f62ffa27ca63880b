/**
 * Runs work in idle-time slices so a long page never blocks the main thread for long.
 * Falls back to short timeouts where `requestIdleCallback` is missing.
 */

const SLICE_MS = 8;

function nextIdle(): Promise<IdleDeadline | null> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback((d) => resolve(d), { timeout: 100 });
    else setTimeout(() => resolve(null), 1);
  });
}

/** Calls `step(i)` for i in [0, count), yielding to the browser whenever a slice's time is used up. */
export async function forEachIdle(
  count: number,
  step: (index: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let i = 0;
  while (i < count) {
    const deadline = await nextIdle();
    if (signal?.aborted) return;
    const started = performance.now();
    do {
      step(i++);
    } while (
      i < count &&
      (deadline ? deadline.timeRemaining() > 1 : true) &&
      performance.now() - started < SLICE_MS
    );
  }
}
