/**
 * One benchmark run of one page: a page load in the benchmark build (pass, long tasks, floor, cards,
 * peer, in that order, so nothing the benchmark runs in the page is counted in the pass), and the tab's
 * heap in the production build and in a browser without the extension.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { heapAfterGc, ProbedPage } from './page-probe';
import { perWalkMs } from './repeat-timing';
import type { HeapSample, RunSample } from './results';
import { longTasksOfSlices } from './results';

/**
 * The floor is walked for at least this long and this many times per page load, inside one timing; a
 * walk's mean time is the run's floor. 25 ms is 250 ticks of the page's clock, so the clock costs the
 * floor under 1%.
 */
const FLOOR_MIN_MS = 25;
const FLOOR_MIN_WALKS = 5;
/** Cards opened per page load: the first (which mounts the card's shadow root) and three more. */
const HOVERS = 4;
/** Generous: the 200k-word page takes seconds of idle slices on a slow machine. */
const PASS_TIMEOUT_MS = 600_000;

const READY = 'html[data-backstory-state="ready"], html[data-backstory-state="error"]';

async function loadAndWait(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector(READY, { state: 'attached', timeout: PASS_TIMEOUT_MS });
  const state = await page.getAttribute('html', 'data-backstory-state');
  if (state !== 'ready') throw new Error(`content script state on ${url}: ${state}`);
}

/** Mark indexes spread over the page: the first, then evenly through the article. */
export function spreadIndexes(count: number, take: number): number[] {
  const n = Math.min(count, take);
  return Array.from({ length: n }, (_, i) => Math.floor((i * count) / n));
}

export interface Browsers {
  /** The BACKSTORY_BENCH=1 build, whose content script records its own timing. */
  timing: { context: BrowserContext; extensionId: string };
  /** The production build, for the heap. */
  production: BrowserContext;
  /** The same Chromium without the extension. */
  plain: BrowserContext;
}

export async function timingRun(
  browsers: Browsers,
  url: string,
  compromiseSource: string,
  withPeer: boolean,
): Promise<RunSample> {
  const probe = await ProbedPage.open(browsers.timing.context, browsers.timing.extensionId);
  try {
    await loadAndWait(probe.page, url);
    const record = await probe.record();
    if (record.ready === null) throw new Error('the content script recorded no end of its pass');
    const slices = record.slices;
    const tasks = longTasksOfSlices(await probe.longTasks(), slices);
    const floor = await probe.floor(FLOOR_MIN_MS, FLOOR_MIN_WALKS);
    const marks = await probe.markCount();
    const hoverMs = marks > 0 ? await probe.hovers(spreadIndexes(marks, HOVERS)) : [];
    const text = await probe.articleText();
    const peerMs = withPeer ? await probe.peer(compromiseSource, text) : null;
    return {
      busyMs: slices.reduce((sum, [a, b]) => sum + (b - a), 0),
      wallMs: record.ready - record.started,
      longestSliceMs: Math.max(0, ...slices.map(([a, b]) => b - a)),
      longTasks: tasks.count,
      longestTaskMs: tasks.longestMs,
      floorMs: perWalkMs(floor, FLOOR_MIN_MS),
      floorTextNodes: floor.nodes,
      phases: record.phases,
      peerMs,
      hoverMs,
      marks,
      chars: record.chars,
      words: text.split(/\s+/).filter(Boolean).length,
    };
  } finally {
    await probe.close();
  }
}

async function heapOf(context: BrowserContext, url: string, extension: boolean): Promise<number> {
  const page = await context.newPage();
  try {
    if (extension) await loadAndWait(page, url);
    else {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      // Waiting on a selector puts Playwright's own script (about 330 kB of source, two worlds) into the
      // tab; the tab with the extension waits on one, so this one does too, and the delta is ours alone.
      await page.waitForSelector('html', { state: 'attached' });
    }
    return await heapAfterGc(page);
  } finally {
    await page.close();
  }
}

export async function heapRun(browsers: Browsers, url: string): Promise<HeapSample> {
  return {
    withExtension: await heapOf(browsers.production, url, true),
    without: await heapOf(browsers.plain, url, false),
  };
}

/** Loads `url` once in each browser, so the database is installed and caches are warm before measuring. */
export async function warmUp(browsers: Browsers, url: string): Promise<void> {
  for (const [context, extension] of [
    [browsers.timing.context, true],
    [browsers.production, true],
    [browsers.plain, false],
  ] as const) {
    await heapOf(context, url, extension);
  }
}
