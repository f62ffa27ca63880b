/**
 * What one benchmark run of one page measures, and the page's figures over all runs: medians, and ratios
 * taken run by run (Backstory and the floor, or the peer and the floor, measured in the same page load)
 * before their median is taken. Pure, so the arithmetic is unit-tested.
 */
import { BENCH_PHASES, type BenchPhase } from '../../../entrypoints/article.content/bench-meter';
import { median, present, round } from './stats';

export type PageKind = 'seed' | 'corpus' | 'generated';

/** One page load in the benchmark build of the extension. Times in milliseconds. */
export interface RunSample {
  /** Sum of the content script's main-thread slices from `main` to `data-backstory-state="ready"`. */
  busyMs: number;
  /** Wall time from `main` to ready (includes the wait for the database and for idle time). */
  wallMs: number;
  longestSliceMs: number;
  /** Long tasks (over 50 ms, PerformanceObserver `longtask`) holding a slice of the content script. */
  longTasks: number;
  /** The longest of those long tasks; 0 when there were none. */
  longestTaskMs: number;
  /** A bare TreeWalker reading every text node of the same page, in the same page (one walk's time). */
  floorMs: number;
  /** The text nodes one floor walk read (the whole page's, marks split included). */
  floorTextNodes: number;
  /** Main-thread milliseconds of the pass by phase (bench-meter.ts); they sum to `busyMs`. */
  phases: Partial<Record<BenchPhase, number>>;
  /** compromise `nlp(text)` with `.people()`, `.money()` and `.percentages()` on the text Backstory read. */
  peerMs: number | null;
  /** Intent to the frame that paints the card, for each card opened; the first is the page's first card. */
  hoverMs: number[];
  marks: number;
  /** Characters and words of article text the pass analysed. */
  chars: number;
  words: number;
}

/** The JS heap of a tab after a pass (production build) and of the same page with no extension. Bytes. */
export interface HeapSample {
  withExtension: number;
  without: number;
}

export interface PageResult {
  page: string;
  kind: PageKind;
  words: number;
  chars: number;
  marks: number;
  runs: number;
  floorMs: number;
  floorTextNodes: number;
  busyMs: number;
  wallMs: number;
  peerMs: number;
  /** Median over runs of busy ÷ floor in the same run. */
  passOverFloor: number;
  /** Median over runs of peer ÷ floor in the same run. */
  peerOverFloor: number;
  /** Median long-task count per run, and the most in any run. */
  longTasks: number;
  longTasksMax: number;
  /** The longest long task of any run (0: none). */
  longestTaskMs: number;
  longestSliceMs: number;
  /** Median of the runs' first cards, and of the cards opened after the first. */
  hoverFirstMs: number;
  hoverWarmMs: number;
  /** Median over runs of the heap with the extension minus without it, in MB (2^20 bytes). */
  heapDeltaMB: number;
  /** Median over runs of each phase's main-thread milliseconds (a phase no run entered is left out). */
  phaseMs: Partial<Record<BenchPhase, number>>;
}

/** The median of each phase over the runs, in the order of the pass. */
export function phaseMedians(samples: readonly RunSample[]): Partial<Record<BenchPhase, number>> {
  const out: Partial<Record<BenchPhase, number>> = {};
  for (const phase of BENCH_PHASES) {
    const values = present(samples.map((s) => s.phases[phase]));
    if (values.length > 0) out[phase] = round(median(values), 2);
  }
  return out;
}

const ratio = (a: number | null, b: number) => (a === null || b <= 0 ? null : a / b);

export function summarisePage(
  page: { name: string; kind: PageKind },
  samples: readonly RunSample[],
  heap: readonly HeapSample[],
): PageResult {
  const m = (pick: (s: RunSample) => number | null) => median(present(samples.map(pick)));
  return {
    page: page.name,
    kind: page.kind,
    words: m((s) => s.words),
    chars: m((s) => s.chars),
    marks: m((s) => s.marks),
    runs: samples.length,
    floorMs: round(
      m((s) => s.floorMs),
      5,
    ),
    floorTextNodes: m((s) => s.floorTextNodes),
    busyMs: round(
      m((s) => s.busyMs),
      2,
    ),
    wallMs: round(
      m((s) => s.wallMs),
      1,
    ),
    peerMs: round(
      m((s) => s.peerMs),
      1,
    ),
    passOverFloor: round(
      m((s) => ratio(s.busyMs, s.floorMs)),
      2,
    ),
    peerOverFloor: round(
      m((s) => ratio(s.peerMs, s.floorMs)),
      2,
    ),
    longTasks: m((s) => s.longTasks),
    longTasksMax: Math.max(0, ...samples.map((s) => s.longTasks)),
    longestTaskMs: round(Math.max(0, ...samples.map((s) => s.longestTaskMs)), 1),
    longestSliceMs: round(
      m((s) => s.longestSliceMs),
      2,
    ),
    hoverFirstMs: round(median(present(samples.map((s) => s.hoverMs[0]))), 2),
    hoverWarmMs: round(median(samples.flatMap((s) => s.hoverMs.slice(1))), 2),
    heapDeltaMB: round(median(heap.map((h) => (h.withExtension - h.without) / 2 ** 20)), 2),
    phaseMs: phaseMedians(samples),
  };
}

/** Long tasks over 50 ms, as the page's PerformanceObserver saw them: [startTime, duration]. */
export type LongTask = readonly [number, number];

/**
 * The long tasks that hold a slice of the content script's work (the task ran our code), and the longest
 * of them. A slice lies inside the task that ran it, so a task holding any slice's midpoint is ours.
 */
export function longTasksOfSlices(
  tasks: readonly LongTask[],
  slices: readonly (readonly [number, number])[],
): { count: number; longestMs: number } {
  const ours = tasks.filter(([start, duration]) =>
    slices.some(([a, b]) => {
      const mid = (a + b) / 2;
      return start <= mid && mid <= start + duration;
    }),
  );
  return { count: ours.length, longestMs: Math.max(0, ...ours.map(([, d]) => d)) };
}
