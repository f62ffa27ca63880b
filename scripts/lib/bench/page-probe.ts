/**
 * What the benchmark measures inside one tab: the content script's own record (read from its isolated
 * world over CDP, see entrypoints/article.content/bench-meter.ts), the page's long tasks, the floor (a bare
 * TreeWalker), the peer (compromise) on the same text, and card openings.
 *
 * Functions handed to `page.evaluate` run in the page; they hold no inner named functions, which the
 * TypeScript runner would wrap in helpers the page does not have.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { BenchRecord } from '../../../entrypoints/article.content/bench-meter';
import type { RepeatedWalk } from './repeat-timing';
import type { LongTask } from './results';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/** Registered before any page script runs: keeps every long task the page's timeline reports. */
function observeLongTasks(): void {
  const tasks: [number, number][] = [];
  (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** The record without the article text (which can be megabytes), plus the text's length. */
type RecordFigures = Omit<BenchRecord, 'articleText'> & { chars: number };

export class ProbedPage {
  private contexts: ExecutionContext[] = [];

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionOrigin: string,
  ) {
    cdp.on('Runtime.executionContextCreated', (event) => this.contexts.push(event.context));
    cdp.on('Runtime.executionContextsCleared', () => {
      this.contexts = [];
    });
  }

  /** A new tab that records long tasks and sees the content script's world. */
  static async open(context: BrowserContext, extensionId: string): Promise<ProbedPage> {
    const page = await context.newPage();
    await page.addInitScript(observeLongTasks);
    const cdp = await context.newCDPSession(page);
    const probe = new ProbedPage(page, cdp, `chrome-extension://${extensionId}`);
    await cdp.send('Runtime.enable');
    return probe;
  }

  /** Evaluates `expression` in the content script's isolated world of the main frame. */
  private async inContentScript<T>(expression: string): Promise<T> {
    const world = this.contexts.findLast((c) => c.origin === this.extensionOrigin);
    if (!world) throw new Error('no content-script world in this tab');
    const response = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
    });
    if (response.exceptionDetails)
      throw new Error(`in the content script: ${response.exceptionDetails.text}`);
    return response.result.value as T;
  }

  record(): Promise<RecordFigures> {
    return this.inContentScript(
      `(() => { const { articleText, ...rest } = globalThis.__backstoryBench; return { ...rest, chars: articleText.length }; })()`,
    );
  }

  articleText(): Promise<string> {
    return this.inContentScript('globalThis.__backstoryBench.articleText');
  }

  longTasks(): Promise<LongTask[]> {
    return this.page.evaluate(
      () => (window as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ?? [],
    );
  }

  /**
   * The floor: a bare TreeWalker reading the data of every text node of the page. One walk of a short
   * page takes less than the page's 0.1 ms timer resolution, so walks are repeated inside one timing for
   * at least `minMs` (and `minWalks` times); see repeat-timing.ts for the division. Every walk sums the
   * lengths of the data it reads, which keeps the reads from being optimised away and lets the caller
   * check that each walk read all of the text.
   */
  floor(minMs: number, minWalks: number): Promise<RepeatedWalk> {
    return this.page.evaluate(
      ({ min, walks }) => {
        let totalChars = 0;
        let nodes = 0;
        let chars = 0;
        let count = 0;
        const started = performance.now();
        let totalMs = 0;
        while (count < walks || totalMs < min) {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let walkChars = 0;
          let walkNodes = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            walkChars += (node as Text).data.length;
            walkNodes++;
          }
          if (count === 0) {
            nodes = walkNodes;
            chars = walkChars;
          }
          totalChars += walkChars;
          count++;
          totalMs = performance.now() - started;
        }
        return { totalMs, walks: count, nodes, chars, totalChars };
      },
      { min: minMs, walks: minWalks },
    );
  }

  /**
   * Opens the card of each mark at `indexes` in turn by focusing it (the intent fires at once), waits
   * until the content script has recorded the frame that paints it, and closes it with Escape. Returns
   * intent-to-frame times in milliseconds.
   */
  async hovers(indexes: readonly number[]): Promise<number[]> {
    const times: number[] = [];
    for (const index of indexes) {
      const before = (await this.record()).hovers.length;
      await this.page.evaluate((i) => {
        const marks = document.querySelectorAll<HTMLElement>('span[data-backstory][data-backstory-id]');
        marks[i]?.focus();
      }, index);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { hovers } = await this.record();
        const hover = hovers[before];
        if (hover && hover.frame > 0) {
          times.push(hover.frame - hover.intent);
          break;
        }
        if (Date.now() > deadline) throw new Error(`no card painted for mark ${index}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await this.page.keyboard.press('Escape');
      await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
    return times;
  }

  markCount(): Promise<number> {
    return this.page.evaluate(
      () => document.querySelectorAll('span[data-backstory][data-backstory-id]').length,
    );
  }

  /**
   * The peer on the same text in the same page: compromise's browser build, then `nlp(text)` with
   * `.people()`, `.money()` and `.percentages()`, each read out as an array as Backstory reads out its marks.
   */
  async peer(compromiseSource: string, text: string): Promise<number> {
    const loaded = await this.page.evaluate(() => typeof (window as { nlp?: unknown }).nlp === 'function');
    if (!loaded) await this.page.addScriptTag({ content: compromiseSource });
    return this.page.evaluate((t) => {
      type View = { out(format: 'array'): string[] };
      type Doc = { people(): View; money(): View; percentages(): View };
      const nlp = (window as unknown as { nlp: (text: string) => Doc }).nlp;
      const started = performance.now();
      const doc = nlp(t);
      const found = doc.people().out('array').length + doc.money().out('array').length;
      const percentages = doc.percentages().out('array').length;
      const ms = performance.now() - started;
      return found + percentages >= 0 ? ms : ms;
    }, text);
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close();
  }
}

/** The tab's used JS heap after a forced garbage collection, in bytes (all worlds share the page's heap). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('no JSHeapUsedSize metric');
    return used;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
