import { describe, expect, it } from 'vitest';
import { deltaBaseOf, entryBytes, parseSourceIndex } from '../../core/sync/source-index-schema';

const sha = 'a'.repeat(64);
const files = [
  { path: 'manifest.json', sha256: sha, bytes: 500 },
  { path: 'records.ndjson', sha256: sha, bytes: 9000, records: 12 },
];
const valid = {
  formatVersion: 1,
  packId: 'starter',
  latest: { version: '2026.07.01-ab12cd34', path: 'full/2026.07.01-ab12cd34/', files },
  deltas: [{ from: '2026.06.27-31282cf7', to: '2026.07.01-ab12cd34', path: 'deltas/a--b/', files }],
};

const reason = (json: unknown) => {
  try {
    parseSourceIndex(json);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('parseSourceIndex', () => {
  it('accepts a valid index', () => {
    expect(parseSourceIndex(valid)).toEqual(valid);
  });

  it('accepts the base folder itself as an entry path', () => {
    expect(reason({ ...valid, latest: { ...valid.latest, path: '' } })).toBe('accepted');
  });

  it('refuses paths that could leave the source', () => {
    for (const path of ['../up/', '/abs/', 'https://evil.example/', 'a/../b/', './', 'no-slash', 'a//']) {
      expect(reason({ ...valid, latest: { ...valid.latest, path } })).toMatch(
        /^latest\.path: must be a relative folder/,
      );
    }
    const escaping = [
      { ...files[0], path: 'manifest.json' },
      { ...files[1], path: '../records.ndjson' },
    ];
    expect(reason({ ...valid, latest: { ...valid.latest, files: escaping } })).toBe(
      'latest.files.1.path: must be a relative path without ".."',
    );
  });

  it('requires the manifest in every entry and no path twice', () => {
    expect(reason({ ...valid, latest: { ...valid.latest, files: [files[1]] } })).toBe(
      'latest.files: must list manifest.json',
    );
    expect(reason({ ...valid, latest: { ...valid.latest, files: [...files, files[0]] } })).toBe(
      'latest.files: lists a path twice',
    );
  });

  it('refuses a delta to its own version, an unknown format and a bad sha256', () => {
    expect(reason({ ...valid, deltas: [{ ...valid.deltas[0], to: valid.deltas[0]?.from }] })).toBe(
      'deltas.0: a delta must go from one version to another',
    );
    expect(reason({ ...valid, formatVersion: 2 })).toMatch(/^formatVersion: /);
    expect(reason({ ...valid, latest: { ...valid.latest, files: [{ ...files[0], sha256: 'ABC' }] } })).toBe(
      'latest.files.0.sha256: must be 64 lower-case hex digits',
    );
  });

  it('says which key is missing', () => {
    const { latest: _latest, ...rest } = valid;
    expect(reason(rest)).toBe('latest: missing');
  });
});

describe('deltaBaseOf and entryBytes', () => {
  it('reads the base version of a delta manifest, null for a full pack', () => {
    expect(deltaBaseOf({ id: 'p', delta: { from: 'v1' } })).toBe('v1');
    expect(deltaBaseOf({ id: 'p' })).toBeNull();
    expect(() => deltaBaseOf({ delta: { from: '' } })).toThrow(/delta\.from/);
  });

  it('sums the bytes of an entry', () => {
    expect(entryBytes(valid.latest)).toBe(9500);
  });
});
