/**
 * `npm run bench:heap [-- --words 200000]`: where a tab's heap Δ goes. Loads a generated news page of
 * `--words` words in Chromium with the built extension and without it, takes a V8 heap snapshot of each
 * tab after garbage collection, and prints the growth by kind (DOM wrappers, code, strings, arrays and
 * tables, other objects) and its largest rows. The wait for the pass polls from Node, so no Playwright
 * script in the tab observes the marking and makes wrappers of its own.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension, launchPlainBrowser, REPO_ROOT } from '../tests/e2e/support/extension';
import { startStaticServer } from '../tests/e2e/support/static-server';
import {
  growthByKind,
  type HeapRow,
  type HeapSnapshotJson,
  heapGrowth,
  heapRows,
} from './lib/bench/heap-snapshot';
import { generateNewsPage } from './lib/bench/news-page';

const args = process.argv.slice(2);
const wordsAt = args.indexOf('--words');
const words = Number(wordsAt >= 0 ? args[wordsAt + 1] : 200_000);
if (!Number.isInteger(words) || words < 100) {
  console.error('usage: bench-heap.ts [--words N]');
  process.exit(2);
}
const MB = 1024 * 1024;

async function snapshot(page: Page): Promise<Map<string, HeapRow>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return heapRows(JSON.parse(chunks.join('')) as HeapSnapshotJson);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Opens `url` and, with the extension, waits for the pass to end, asking from Node every 200 ms. */
async function openAfterPass(context: BrowserContext, url: string, extension: boolean): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  for (let waited = 0; extension; waited += 200) {
    const state = await page.evaluate(() => document.documentElement.getAttribute('data-backstory-state'));
    if (state === 'ready') break;
    if (waited > 120_000) throw new Error(`no end of the pass on ${url} (state ${state})`);
    await page.waitForTimeout(200);
  }
  return page;
}

const mb = (bytes: number) => (bytes / MB).toFixed(2).padStart(6);

async function main(): Promise<void> {
  const server = await startStaticServer({ routes: { '/page/': generateNewsPage(words).html } });
  const url = `${server.url}/page/`;
  const extension = await launchExtension({ extensionDir: join(REPO_ROOT, '.output', 'chrome-mv3') });
  const plain = await launchPlainBrowser();
  try {
    // The first load installs the starter pack and warms the caches.
    await (await openAfterPass(extension.context, url, true)).close();
    const withExtension = await snapshot(await openAfterPass(extension.context, url, true));
    const without = await snapshot(await openAfterPass(plain.context, url, false));
    const rows = heapGrowth(without, withExtension);
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`generated page of ${words.toLocaleString('en')} words: JS heap growth with the extension`);
    console.log(`${mb(total)} MB  total`);
    for (const { kind, bytes } of growthByKind(rows)) console.log(`${mb(bytes)} MB  ${kind}`);
    console.log('\nlargest rows:');
    for (const r of rows.slice(0, 12))
      console.log(`${mb(r.bytes)} MB  ${String(r.count).padStart(7)} × ${r.name} (${r.kind})`);
  } finally {
    await extension.context.close();
    await plain.close();
    await server.close();
  }
}

await main();
