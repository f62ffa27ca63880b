/**
 * Builds an earlier commit of the extension, for the upgrade test: `git archive <ref>` into a temporary
 * folder, this repository's `node_modules` linked in (the old commit's dependencies must be a subset of
 * today's, which holds as long as none was removed), and `wxt build` with the folder's own output. Builds
 * are cached by commit under `node_modules/.cache`, so only the first run pays for one; the sources are
 * deleted once built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './extension';

/**
 * The releases the upgrade test starts from: the last one at schema version 3, before user data existed
 * (its packs go through the v3 → v4 upgrade), and the first whose build saves notes (`saveNote`), so notes
 * made with an old build are carried over. Add later releases here as the schema moves on.
 */
export const UPGRADE_FROM_REFS = ['3bb9e07', '9e5d901'];

/**
 * The last release at schema version 3 (before the user-data tables): the failed-upgrade test needs a
 * schema that lacks a table of the current one, so it stays here when UPGRADE_FROM_REFS moves on.
 */
export const SCHEMA_V3_REF = '3bb9e07';

/** Where built commits are kept between runs (ignored by git with the rest of `node_modules`). */
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'backstory-old-builds');

function git(args: string[]): Buffer {
  return execFileSync('git', args, { cwd: REPO_ROOT, maxBuffer: 512 * 1024 * 1024 });
}

/** The full commit id of `ref` (read-only). */
export function resolveCommit(ref: string): string {
  return git(['rev-parse', '--verify', `${ref}^{commit}`])
    .toString()
    .trim();
}

/**
 * The unpacked Chrome build (`chrome-mv3` folder) of `ref`, built now unless it is in the cache (a build
 * took about 10 s here).
 */
export async function buildExtensionAt(ref: string): Promise<string> {
  const commit = resolveCommit(ref);
  const cached = join(CACHE_DIR, commit, 'chrome-mv3');
  if (existsSync(join(cached, 'manifest.json'))) return cached;

  const src = await mkdtemp(join(tmpdir(), 'backstory-old-src-'));
  try {
    // `git archive` reads the commit's tree without touching this checkout, its index or its HEAD.
    execFileSync('tar', ['-x', '-C', src], { input: git(['archive', '--format=tar', commit]) });
    await symlink(join(REPO_ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(src, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
      cwd: src,
      env: { ...process.env, BACKSTORY_OUT_DIR: '.output-old', BACKSTORY_BENCH: '' },
      stdio: 'pipe',
    });
    await mkdir(join(CACHE_DIR, commit), { recursive: true });
    // Copied whole before it is visible under the cache name, so an interrupted run leaves no half build.
    const partial = `${cached}.partial-${process.pid}`;
    await cp(join(src, '.output-old', 'chrome-mv3'), partial, { recursive: true });
    await rm(cached, { recursive: true, force: true });
    await rename(partial, cached);
    return cached;
  } finally {
    await rm(src, { recursive: true, force: true });
  }
}
