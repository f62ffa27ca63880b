import { describe, expect, it } from 'vitest';
import { selectChain } from '../../core/sync/delta-chain';
import type { DeltaEntry, SourceIndex } from '../../core/sync/source-index-schema';

const file = (bytes: number) => [{ path: 'manifest.json', sha256: '0'.repeat(64), bytes }];
const delta = (from: string, to: string, bytes = 100): DeltaEntry => ({
  from,
  to,
  path: `d/${from}-${to}/`,
  files: file(bytes),
});
const index = (latest: string, deltas: DeltaEntry[], fullBytes = 10_000): SourceIndex => ({
  formatVersion: 1,
  packId: 'p',
  latest: { version: latest, path: `full/${latest}/`, files: file(fullBytes) },
  deltas,
});
const route = (plan: ReturnType<typeof selectChain>) =>
  plan.kind === 'deltas' ? plan.steps.map((s) => `${s.from}>${s.to}`).join(' ') : plan.kind;

describe('selectChain', () => {
  it('says current when the installed version is the latest', () => {
    expect(selectChain('v3', index('v3', [delta('v1', 'v2')]))).toEqual({ kind: 'current', version: 'v3' });
  });

  it('takes the full pack when nothing is installed', () => {
    const plan = selectChain(null, index('v3', [delta('v1', 'v3')]));
    expect(plan).toMatchObject({ kind: 'full', bytes: 10_000 });
  });

  it('takes the single delta from the installed version', () => {
    expect(route(selectChain('v2', index('v3', [delta('v1', 'v2'), delta('v2', 'v3')])))).toBe('v2>v3');
  });

  it('chains deltas when no single one reaches the latest', () => {
    expect(route(selectChain('v1', index('v3', [delta('v2', 'v3'), delta('v1', 'v2')])))).toBe('v1>v2 v2>v3');
  });

  it('prefers fewer steps over fewer bytes', () => {
    const plan = selectChain(
      'v1',
      index('v4', [
        delta('v1', 'v2', 10),
        delta('v2', 'v3', 10),
        delta('v3', 'v4', 10),
        delta('v1', 'v4', 900),
      ]),
    );
    expect(route(plan)).toBe('v1>v4');
  });

  it('prefers fewer bytes among chains of the same length', () => {
    const deltas = [
      delta('v1', 'v2a', 500),
      delta('v2a', 'v3', 500),
      delta('v1', 'v2b', 100),
      delta('v2b', 'v3', 200),
    ];
    const plan = selectChain('v1', index('v3', deltas));
    expect(route(plan)).toBe('v1>v2b v2b>v3');
    expect(plan).toMatchObject({ bytes: 300 });
  });

  it('ends on cycles and still finds the way out', () => {
    const deltas = [
      delta('v1', 'v2'),
      delta('v2', 'v1'),
      delta('v2', 'v2b'),
      delta('v2b', 'v1'),
      delta('v2b', 'v3'),
    ];
    expect(route(selectChain('v1', index('v3', deltas)))).toBe('v1>v2 v2>v2b v2b>v3');
  });

  it('falls back to the full pack when a cycle never reaches the latest', () => {
    expect(selectChain('v1', index('v3', [delta('v1', 'v2'), delta('v2', 'v1')])).kind).toBe('full');
  });

  it('falls back to the full pack across a gap in the chain', () => {
    expect(selectChain('v1', index('v4', [delta('v1', 'v2'), delta('v3', 'v4')])).kind).toBe('full');
  });

  it('falls back to the full pack when the installed version is unknown to the source', () => {
    expect(selectChain('local-build', index('v3', [delta('v1', 'v2'), delta('v2', 'v3')])).kind).toBe('full');
  });

  it('takes the full pack when the chain would download as many bytes or more', () => {
    expect(selectChain('v1', index('v3', [delta('v1', 'v2', 600), delta('v2', 'v3', 400)], 1000)).kind).toBe(
      'full',
    );
    expect(
      route(selectChain('v1', index('v3', [delta('v1', 'v2', 600), delta('v2', 'v3', 399)], 1000))),
    ).toBe('v1>v2 v2>v3');
  });
});
