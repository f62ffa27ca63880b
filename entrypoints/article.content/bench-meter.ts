/**
 * Main-thread timing of the content script for `npm run bench` (scripts/bench.ts). Only builds made with
 * BACKSTORY_BENCH=1 record anything; in any other build `__BACKSTORY_BENCH__` is false, every function here
 * is empty and the bundler drops the calls. The record lives on the content script's own global (its
 * isolated world), never on the page, and the benchmark reads it over the DevTools protocol.
 *
 * The first pass runs in several tasks (the synchronous start, the lookup answer, idle slices, the tail
 * after the last slice). Each task's stretch of work is recorded as a slice; their sum is the pass's
 * main-thread cost, the longest one its longest task.
 */

/** One card opening: when the intent fired, when the card was placed and visible, and the next frame. */
export interface BenchHover {
  intent: number;
  shown: number;
  frame: number;
}

export interface BenchRecord {
  /** `performance.now()` when the content script's `main` started. */
  started: number;
  /** When the first pass set `data-backstory-state`; null while it runs. */
  ready: number | null;
  /** [start, end] of each stretch of main-thread work of the first pass, in order. */
  slices: [number, number][];
  /** The text the first pass analysed, so the peer library can read exactly the same text. */
  articleText: string;
  hovers: BenchHover[];
}

declare global {
  var __backstoryBench: BenchRecord | undefined;
}

function record(): BenchRecord | undefined {
  return globalThis.__backstoryBench;
}

/** When the slice of work now running began; null while the content script is waiting. */
let openSince: number | null = null;

/** Starts the record and its first slice; called first thing in `main`. */
export function benchStart(): void {
  if (!__BACKSTORY_BENCH__) return;
  globalThis.__backstoryBench = {
    started: performance.now(),
    ready: null,
    slices: [],
    articleText: '',
    hovers: [],
  };
  openSince = performance.now();
}

/** `performance.now()` in bench builds, 0 otherwise (so the clock is not read in production). */
export function benchNow(): number {
  return __BACKSTORY_BENCH__ ? performance.now() : 0;
}

/** The content script is about to wait (for idle time, a message): the running slice ends. */
export function benchPause(): void {
  if (!__BACKSTORY_BENCH__ || openSince === null) return;
  const bench = record();
  if (bench && bench.ready === null) bench.slices.push([openSince, performance.now()]);
  openSince = null;
}

/** The content script runs again after a wait: a new slice begins. */
export function benchResume(): void {
  if (!__BACKSTORY_BENCH__ || openSince !== null) return;
  openSince = performance.now();
}

/**
 * Runs `work` inside a slice: its own when none is running (an observer callback in a task of its own),
 * else the running one (the callback came in the middle of a slice).
 */
export function benchWithin<T>(work: () => T): T {
  if (!__BACKSTORY_BENCH__ || openSince !== null) return work();
  benchResume();
  try {
    return work();
  } finally {
    benchPause();
  }
}

export function benchArticleText(text: string): void {
  if (!__BACKSTORY_BENCH__) return;
  const bench = record();
  if (bench && bench.ready === null) bench.articleText = text;
}

/** The first pass has ended: its last slice too. */
export function benchReady(): void {
  if (!__BACKSTORY_BENCH__) return;
  benchPause();
  const bench = record();
  if (bench && bench.ready === null) bench.ready = performance.now();
}

/**
 * The card opened at `intent` is placed and visible: its time is recorded, and the start of the frame that
 * paints it. Repeated calls for the same opening (the card is re-placed on scroll) are ignored.
 */
export function benchCardShown(intent: number): void {
  if (!__BACKSTORY_BENCH__) return;
  const bench = record();
  if (!bench || bench.hovers.some((h) => h.intent === intent)) return;
  const hover: BenchHover = { intent, shown: performance.now(), frame: 0 };
  bench.hovers.push(hover);
  requestAnimationFrame(() => {
    hover.frame = performance.now();
  });
}
