import { describe, expect, it } from 'vitest';
import {
  INITIAL_SOURCE_STATE,
  sourceIsDue,
  stateAfterSync,
  stateCheckRequested,
  stateWithProgress,
} from '../../core/sync/source-state';
import type { SyncResult } from '../../core/sync/sync-engine';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 0, 2, 12);
const at = (ms: number) => new Date(ms).toISOString();
const schedule = { now, intervalMs: 24 * HOUR, random: () => 0.5 };
const updated: SyncResult = {
  status: 'updated',
  packId: 'p',
  from: null,
  version: 'v2',
  records: 120,
  steps: 1,
  kind: 'full',
  validators: { etag: '"e2"' },
};
const fiveHundred: SyncResult = {
  status: 'failed',
  error: { source: 'https://x.example/', file: 'index.json', reason: 'HTTP 500', retryable: true },
};

describe('stateAfterSync', () => {
  it('records an update: version, records, both times, the next daily check, no error', () => {
    const running = stateWithProgress(INITIAL_SOURCE_STATE, { phase: 'installing', done: 5, total: 120 });
    expect(stateAfterSync(running, updated, schedule)).toEqual({
      packId: 'p',
      version: 'v2',
      records: 120,
      lastCheck: at(now),
      lastSuccess: at(now),
      nextCheck: at(now + 24 * HOUR),
      failures: 0,
      error: null,
      progress: null,
      validators: { etag: '"e2"' },
    });
  });

  it('keeps version and records on a 304, and counts it as a success', () => {
    const before = stateAfterSync(INITIAL_SOURCE_STATE, updated, { ...schedule, now: now - HOUR });
    const after = stateAfterSync(
      before,
      { status: 'unchanged', packId: 'p', version: 'v2', validators: { etag: '"e2"' } },
      schedule,
    );
    expect(after).toMatchObject({ version: 'v2', records: 120, lastSuccess: at(now), error: null });
  });

  it('keeps the installed state through failures, backing off retryable ones', () => {
    const good = stateAfterSync(INITIAL_SOURCE_STATE, updated, { ...schedule, now: now - HOUR });
    const once = stateAfterSync(good, fiveHundred, schedule);
    const twice = stateAfterSync(once, fiveHundred, schedule);
    expect(once).toMatchObject({ version: 'v2', records: 120, lastSuccess: at(now - HOUR), failures: 1 });
    expect(once.error).toEqual(fiveHundred.status === 'failed' && fiveHundred.error);
    expect([once.nextCheck, twice.nextCheck]).toEqual([at(now + 30_000), at(now + 60_000)]);
    expect(twice.validators).toEqual({ etag: '"e2"' });
  });

  it('waits the regular interval after a fault waiting will not fix', () => {
    const bad: SyncResult = {
      status: 'failed',
      error: { ...fiveHundred.error, reason: 'bad signature', retryable: false },
    } as SyncResult;
    expect(stateAfterSync(INITIAL_SOURCE_STATE, bad, schedule)).toMatchObject({
      failures: 0,
      nextCheck: at(now + 24 * HOUR),
    });
  });

  it('says nothing about the source when offline, and retries with backoff', () => {
    const offline = stateAfterSync(INITIAL_SOURCE_STATE, { status: 'offline' }, schedule);
    expect(offline).toMatchObject({ lastCheck: null, error: null, failures: 1, nextCheck: at(now + 30_000) });
  });
});

describe('due checks', () => {
  it('is due when never checked, or asked for now', () => {
    const later = stateAfterSync(INITIAL_SOURCE_STATE, updated, schedule);
    expect(sourceIsDue(INITIAL_SOURCE_STATE, now)).toBe(true);
    expect(sourceIsDue(later, now + HOUR)).toBe(false);
    expect(sourceIsDue(stateCheckRequested(later, now + HOUR), now + HOUR)).toBe(true);
  });
});
