/**
 * The size of each entry point of a built extension, raw and gzip -9: the content script (and its CSS),
 * the card view the content script loads at idle after its first pass, the service worker and the popup's
 * and options page's chunks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleFile } from './table';

/** Folders (relative to the build's `chrome-mv3`) and the extensions of the files measured in them. */
const MEASURED: readonly [string, RegExp][] = [
  ['content-scripts', /\.(?:js|css)$/],
  ['', /^(?:background|card-view)\.js$/],
  ['chunks', /\.js$/],
  ['assets', /\.css$/],
];

export function bundleSizes(extensionDir: string): BundleFile[] {
  const files: BundleFile[] = [];
  for (const [folder, pattern] of MEASURED) {
    const dir = join(extensionDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!pattern.test(name)) continue;
      const bytes = readFileSync(join(dir, name));
      files.push({
        file: folder ? `${folder}/${name}` : name,
        bytes: bytes.byteLength,
        gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
      });
    }
  }
  return files;
}
