/**
 * Timing of work too short for the page's clock. `performance.now()` in a page that is not
 * cross-origin isolated is coarsened to 100 µs, and one TreeWalker pass over a short article takes a few
 * microseconds, so the work is repeated inside one timing until the timing is long enough, and divided.
 * Pure, so the arithmetic is unit-tested.
 */

/** The clock resolution of a page that is not cross-origin isolated, in milliseconds. */
export const PAGE_CLOCK_MS = 0.1;

/** What the page reports of a repeated walk: its total time, how many walks, and what each one read. */
export interface RepeatedWalk {
  totalMs: number;
  walks: number;
  /** Text nodes and characters the first walk read. */
  nodes: number;
  chars: number;
  /** Characters read by all the walks together. */
  totalChars: number;
}

/**
 * The time of one walk: the total over the count. NaN when the walks did not each read the same text
 * (one was cut short, or optimised away) or when the timing is shorter than `minMs`, where the clock's
 * resolution would dominate.
 */
export function perWalkMs(walk: RepeatedWalk, minMs: number): number {
  if (walk.walks < 1 || walk.totalMs < minMs) return Number.NaN;
  if (walk.totalChars !== walk.chars * walk.walks) return Number.NaN;
  return walk.totalMs / walk.walks;
}

/** The largest error the clock's resolution allows in one walk's time: two clock reads, each a tick off. */
export function perWalkErrorMs(walk: Pick<RepeatedWalk, 'walks'>, resolutionMs = PAGE_CLOCK_MS): number {
  return walk.walks < 1 ? Number.NaN : (2 * resolutionMs) / walk.walks;
}
