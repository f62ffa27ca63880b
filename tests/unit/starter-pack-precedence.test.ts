/**
 * Which starter pack wins at start-up: the one bundled with this build, or the one in the database. An
 * extension update brings a newer bundle; a sync source that publishes `starter` may be ahead of it.
 */
import { describe, expect, it } from 'vitest';
import { bundledStarterWanted } from '../../entrypoints/background/starter-pack';

const bundled = { version: '2026.06.27', created: '2026-06-27' };

describe('bundledStarterWanted', () => {
  it('imports the bundle into an empty database', () => {
    expect(bundledStarterWanted(bundled, undefined, false)).toBe(true);
  });

  it('does nothing when the bundled version is already installed', () => {
    expect(bundledStarterWanted(bundled, { ...bundled }, false)).toBe(false);
    expect(bundledStarterWanted(bundled, { ...bundled }, true)).toBe(false);
  });

  it('replaces an older bundled version after an extension update', () => {
    expect(bundledStarterWanted(bundled, { version: '2026.01.10', created: '2026-01-10' }, false)).toBe(true);
  });

  it('keeps a version a sync source installed when it is as new as the bundle or newer', () => {
    expect(bundledStarterWanted(bundled, { version: 'src-9', created: '2026-06-27' }, true)).toBe(false);
    expect(bundledStarterWanted(bundled, { version: 'src-10', created: '2026-09-01' }, true)).toBe(false);
  });

  it('replaces a synced version older than the bundle', () => {
    expect(bundledStarterWanted(bundled, { version: 'src-1', created: '2026-02-01' }, true)).toBe(true);
  });

  it('replaces an unknown newer version that no source installed (not ours to keep)', () => {
    expect(bundledStarterWanted(bundled, { version: 'odd', created: '2027-01-01' }, false)).toBe(true);
  });
});
