/**
 * Main-thread timing of the content script for `npm run bench` (scripts/bench.ts). Only builds made with
 * BACKSTORY_BENCH=1 record anything; in any other build `__BACKSTORY_BENCH__` is false, every function here
 * is empty and the bundler drops the calls. The record lives on the content script's own global (its
 * isolated world), never on the page, and the benchmark reads it over the DevTools protocol.
 *
 * The first pass runs in several tasks (the synchronous start, the lookup answer, idle slices, the tail
 * after the last slice). Each task's stretch of work is recorded as a slice; their sum is the pass's
 * main-thread cost, the longest one its longest task.
 *
 * Each slice's time is also booked to the phase of the pass that was running (`benchPhase` switches it),
 * so the phases sum to the pass's cost. A phase's total is the sum of many short stretches; the
 * isolated world's clock is coarsened (100 µs with jitter), and the errors of the stretches average out
 * in their sum rather than adding up one way.
 */

/**
 * The phases of a first pass: the content script's start, finding the article (Readability), collecting
 * its text, the analysis (names, figures, role phrases, quotes, clustering), resolving the lookup's
 * answer, card models and mark specs, writing the marks, the summary, and observer callbacks.
 */
export const BENCH_PHASES = [
  'start',
  'extract',
  'collect',
  'names',
  'figures',
  'roles',
  'quotes',
  'clusters',
  'resolve',
  'models',
  'marks',
  'summary',
  'watch',
] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

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
  /** Main-thread milliseconds of the first pass by phase; they sum to the slices' total. */
  phases: Partial<Record<BenchPhase, number>>;
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
/** The phase the running work belongs to, and since when its time in this slice is not yet booked. */
let phase: BenchPhase = 'start';
let phaseSince = 0;

/** Books the running slice's time since the last booking to the current phase (first pass only). */
function bookPhase(now: number): void {
  const bench = record();
  if (openSince === null || !bench || bench.ready !== null) return;
  bench.phases[phase] = (bench.phases[phase] ?? 0) + (now - phaseSince);
  phaseSince = now;
}

/** The pass moves on to `next`: time from now on is booked to it. */
export function benchPhase(next: BenchPhase): void {
  if (!__BACKSTORY_BENCH__) return;
  bookPhase(performance.now());
  phase = next;
}

/** Starts the record and its first slice; called first thing in `main`. */
export function benchStart(): void {
  if (!__BACKSTORY_BENCH__) return;
  globalThis.__backstoryBench = {
    started: performance.now(),
    ready: null,
    slices: [],
    phases: {},
    articleText: '',
    hovers: [],
  };
  phase = 'start';
  openSince = performance.now();
  phaseSince = openSince;
}

/** `performance.now()` in bench builds, 0 otherwise (so the clock is not read in production). */
export function benchNow(): number {
  return __BACKSTORY_BENCH__ ? performance.now() : 0;
}

/** The content script is about to wait (for idle time, a message): the running slice ends. */
export function benchPause(): void {
  if (!__BACKSTORY_BENCH__ || openSince === null) return;
  const bench = record();
  const now = performance.now();
  bookPhase(now);
  if (bench && bench.ready === null) bench.slices.push([openSince, now]);
  openSince = null;
}

/** The content script runs again after a wait: a new slice begins. */
export function benchResume(): void {
  if (!__BACKSTORY_BENCH__ || openSince !== null) return;
  openSince = performance.now();
  phaseSince = openSince;
}

/**
 * Runs `work` inside a slice: its own when none is running (an observer callback in a task of its own),
 * booked to the `watch` phase, else the running one (the callback came in the middle of a slice).
 */
export function benchWithin<T>(work: () => T): T {
  if (!__BACKSTORY_BENCH__ || openSince !== null) return work();
  const running = phase;
  phase = 'watch';
  benchResume();
  try {
    return work();
  } finally {
    benchPause();
    phase = running;
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
