import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  CHECK_INTERVAL_CHOICES_MS,
  clampCheckInterval,
  DEFAULT_CHECK_INTERVAL_MS,
  isDue,
  nextCheckAt,
} from '../../core/sync/backoff';

const HOUR = 3_600_000;
const options = (random: number) => ({ baseMs: 1000, capMs: 60_000, random: () => random });

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, options(0.999_999)))).toEqual([999, 1999, 3999, 7999]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(3, options(0))).toBe(0);
    expect(backoffDelay(3, options(0.5))).toBe(4000);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(10, options(0.999_999))).toBe(59_999);
    expect(backoffDelay(5000, options(0.999_999))).toBe(59_999);
  });

  it('keeps a broken random source inside the range', () => {
    expect(backoffDelay(2, options(7))).toBe(4000);
    expect(backoffDelay(2, options(-1))).toBe(0);
  });
});

describe('nextCheckAt', () => {
  const now = Date.UTC(2026, 0, 2);
  const base = { now, intervalMs: DEFAULT_CHECK_INTERVAL_MS, random: () => 0.5 };

  it('waits the regular interval after a success', () => {
    expect(nextCheckAt({ ...base, failures: 0, retryable: false })).toBe(now + 24 * HOUR);
  });

  it('waits the regular interval after a fault that waiting will not fix', () => {
    expect(nextCheckAt({ ...base, failures: 3, retryable: false })).toBe(now + 24 * HOUR);
  });

  it('retries a retryable fault sooner, backing off with each failure', () => {
    const waits = [1, 2, 3].map((failures) => nextCheckAt({ ...base, failures, retryable: true }) - now);
    expect(waits).toEqual([30_000, 60_000, 120_000]);
  });

  it('never retries later than the regular check would be', () => {
    const wait =
      nextCheckAt({ ...base, intervalMs: HOUR, failures: 30, retryable: true, random: () => 0.999 }) - now;
    expect(wait).toBe(HOUR);
  });

  it('waits at least a second even when the jitter draws zero', () => {
    expect(nextCheckAt({ ...base, failures: 1, retryable: true, random: () => 0 }) - now).toBe(1000);
  });

  it('follows the user interval', () => {
    expect(nextCheckAt({ ...base, intervalMs: 6 * HOUR, failures: 0, retryable: false })).toBe(
      now + 6 * HOUR,
    );
  });
});

describe('clampCheckInterval', () => {
  it('keeps the choices as they are', () => {
    expect(CHECK_INTERVAL_CHOICES_MS.map(clampCheckInterval)).toEqual(CHECK_INTERVAL_CHOICES_MS);
  });

  it('holds a stored value to an hour and a week, and a broken one to daily', () => {
    expect(clampCheckInterval(1000)).toBe(HOUR);
    expect(clampCheckInterval(365 * 24 * HOUR)).toBe(7 * 24 * HOUR);
    expect(clampCheckInterval(Number.NaN)).toBe(DEFAULT_CHECK_INTERVAL_MS);
  });
});

describe('isDue', () => {
  it('is due when never scheduled or when the time has come', () => {
    expect(isDue(null, 5)).toBe(true);
    expect(isDue(5, 5)).toBe(true);
    expect(isDue(6, 5)).toBe(false);
  });
});
