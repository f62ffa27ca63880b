/**
 * What the benchmark asks of the running extension: through the service worker's bench hook (a
 * BACKSTORY_BENCH=1 build), from an extension page over the real message channel, and from a tab's heap
 * over CDP.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { BenchHook } from '../../../entrypoints/background/bench-hook';
import type { DbStatus, LookupRequest } from '../../../messaging/protocol';
import { waitForReady } from '../../../tests/e2e/support/extension';

type HookResult<K extends keyof BenchHook> = Awaited<ReturnType<BenchHook[K]>>;

declare const backstoryBench: BenchHook | undefined;

/** Waits until the service worker has its hook and the starter pack is installed with no import running. */
export async function waitForStarter(worker: Worker, timeoutMs = 60_000): Promise<DbStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await worker
      .evaluate(() => (typeof backstoryBench === 'undefined' ? null : backstoryBench.status()))
      .catch(() => null);
    if (status === null && Date.now() > deadline)
      throw new Error('no bench hook in the service worker: is this a BACKSTORY_BENCH=1 build?');
    if (status?.packs.some((p) => p.id === 'starter')) return status;
    if (Date.now() > deadline) throw new Error('the starter pack did not install');
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function importFrom(
  worker: Worker,
  url: string,
  batchSize?: number,
): Promise<HookResult<'importFrom'>> {
  return worker.evaluate(
    ({ u, b }) => {
      if (typeof backstoryBench === 'undefined') throw new Error('no bench hook');
      return backstoryBench.importFrom(u, { batchSize: b });
    },
    { u: url, b: batchSize },
  );
}

export function timeLookups(worker: Worker, request: LookupRequest, runs: number): Promise<number[]> {
  return worker.evaluate(
    ({ r, n }) => {
      if (typeof backstoryBench === 'undefined') throw new Error('no bench hook');
      return backstoryBench.timeLookups(r, n);
    },
    { r: request, n: runs },
  );
}

export function status(worker: Worker): Promise<DbStatus> {
  return worker.evaluate(() => {
    if (typeof backstoryBench === 'undefined') throw new Error('no bench hook');
    return backstoryBench.status();
  });
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Asks `dbStatus` over the real message channel from an extension page every `everyMs`, until an import
 * has been seen and has ended; returns each round trip's time and the progress seen. This is what the
 * popup does while an import runs, so it shows whether the worker keeps answering.
 */
export function pollStatusDuringImport(
  extensionPage: Page,
  everyMs: number,
): Promise<{ roundTrips: number[]; progressSeen: number[] }> {
  return extensionPage.evaluate(async (interval) => {
    const roundTrips: number[] = [];
    const progressSeen: number[] = [];
    let seen = false;
    const started = Date.now();
    for (;;) {
      const t0 = performance.now();
      const status = (await chrome.runtime.sendMessage({
        channel: 'backstory',
        name: 'dbStatus',
        params: null,
      })) as {
        importing?: { done: number } | null;
      };
      roundTrips.push(performance.now() - t0);
      if (status.importing) {
        seen = true;
        progressSeen.push(status.importing.done);
      } else if (seen || Date.now() - started > 600_000) {
        return { roundTrips, progressSeen };
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  }, everyMs);
}

/**
 * The JS heap a tab uses once Backstory's first pass over `url` has ended, after a forced garbage
 * collection (the content script's isolated world lives in the page's V8 heap). In bytes.
 */
export async function tabHeapAfterPass(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await waitForReady(page);
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (used === undefined) throw new Error('no JSHeapUsedSize metric');
      return used;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } finally {
    await page.close();
  }
}
