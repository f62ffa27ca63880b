/**
 * When to check a source next. Pure functions of the clock value and a random number, both passed in, so
 * the schedule is testable and the background only has to turn the answer into an alarm.
 *
 * After a failure that may pass (network, 5xx) the retry waits with exponential backoff and full jitter
 * (a uniformly random wait between 0 and the capped exponential), which spreads clients out so a server
 * coming back is not hit by all of them at once:
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The default interval between checks of a source: daily. */
export const DEFAULT_CHECK_INTERVAL_MS = 24 * HOUR;
/** The intervals a user may pick, shortest first. An hour is the floor: sources are not chat servers. */
export const CHECK_INTERVAL_CHOICES_MS: readonly number[] = [
  HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  7 * 24 * HOUR,
];

export interface BackoffOptions {
  /** The first retry's ceiling. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
  /** A number in [0, 1), `Math.random` in the extension. */
  random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseMs: MINUTE, capMs: 6 * HOUR };

/** The wait before retry number `attempt` (0 for the first retry): uniform in [0, min(cap, base·2^attempt)). */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.floor(attempt));
  // 2^exponent overflows to Infinity long after it passes any cap; min() keeps the ceiling finite.
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** A user's interval, held to the allowed range (a stored value could be anything). */
export function clampCheckInterval(ms: number): number {
  const min = CHECK_INTERVAL_CHOICES_MS[0] ?? HOUR;
  const max = CHECK_INTERVAL_CHOICES_MS.at(-1) ?? DEFAULT_CHECK_INTERVAL_MS;
  if (!Number.isFinite(ms)) return DEFAULT_CHECK_INTERVAL_MS;
  return Math.min(max, Math.max(min, Math.round(ms)));
}

export interface NextCheckInput {
  /** Milliseconds since the epoch, when the check ended. */
  now: number;
  /** The user's interval between regular checks. */
  intervalMs: number;
  /** Consecutive retryable failures so far, counting the one just had (0 after a success). */
  failures: number;
  /** Whether the last check failed in a way that may pass on its own. */
  retryable: boolean;
  backoff?: Omit<BackoffOptions, 'random'>;
  random: () => number;
}

/**
 * The time of the next check. A success, an unchanged source or a fault that will not pass by waiting (a
 * bad signature, a 404) waits the regular interval; a retryable fault retries sooner, with backoff, but
 * never later than the regular check would be.
 */
export function nextCheckAt(input: NextCheckInput): number {
  const interval = clampCheckInterval(input.intervalMs);
  if (!input.retryable || input.failures <= 0) return input.now + interval;
  const backoff = { ...DEFAULT_BACKOFF, ...input.backoff, random: input.random };
  // At least a second, so a random 0 does not turn into a busy loop of checks.
  const wait = Math.max(1000, backoffDelay(input.failures - 1, backoff));
  return input.now + Math.min(interval, wait);
}

/** Whether a source is due: never checked, or its next check has come. */
export function isDue(nextCheck: number | null, now: number): boolean {
  return nextCheck === null || nextCheck <= now;
}
