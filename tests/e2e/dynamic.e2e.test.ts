/**
 * Pages that change after load: articles appended by the page's script (infinite scroll, a "Load more"
 * button) and a single-page app that swaps its article with history.pushState. Later content is marked,
 * nothing is marked twice, cards and the popup summary cover every pass, and the page's script still works.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../messaging/protocol';
import {
  cardLocator,
  FIXTURES_DIR,
  findServiceWorker,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  readMarks,
  tabIdFor,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

/** The slice of `chrome` the service worker is asked to call; no `@types/chrome` is installed. */
declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };

describe('dynamic pages', () => {
  let ext: LaunchedExtension;
  let fixtures: StaticServer;

  beforeAll(async () => {
    fixtures = await startStaticServer({ root: FIXTURES_DIR });
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await fixtures?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`${fixtures.url}${path}`);
    await waitForReady(page);
    return page;
  }

  /** How many passes the content script has completed on the page. */
  const passes = (page: Page) =>
    page.evaluate(() => Number(document.documentElement.getAttribute('data-backstory-passes') ?? 0));

  /** The texts of the marks inside `scope`. */
  const markTexts = async (page: Page, scope: string) => (await readMarks(page, scope)).map((m) => m.text);

  /** Which of `texts` no mark inside `scope` holds (a mark may take a title with a name). */
  const unmarked = async (page: Page, scope: string, texts: readonly string[]) => {
    const marks = await markTexts(page, scope);
    return texts.filter((text) => !marks.some((m) => m.includes(text)));
  };

  /** Marks inside another mark: text marked twice. */
  const nestedMarks = (page: Page) =>
    page.evaluate(() => document.querySelectorAll('[data-backstory] [data-backstory]').length);

  const tabIds = new WeakMap<Page, number>();

  /** The summary the popup gets, asked of the tab's content script by the extension's service worker. */
  async function summaryOf(page: Page): Promise<ArticleSummary | null> {
    const worker = await findServiceWorker(ext.context);
    const tabId = tabIds.get(page) ?? (await tabIdFor(worker, page));
    tabIds.set(page, tabId);
    const summary = await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { channel: 'backstory', name: 'articleSummary', params: null }),
      tabId,
    );
    return summary as ArticleSummary | null;
  }

  /**
   * Which of `texts` (people or figures) the summary lacks. A pass logs its summary and card models only
   * after writing all its marks, so once a pass's names are summarised, its marks and cards are complete.
   */
  async function unsummarised(page: Page, texts: readonly string[]): Promise<string[]> {
    const summary = await summaryOf(page);
    const seen = [
      ...(summary?.entities.map((e) => e.name) ?? []),
      ...(summary?.figures.map((f) => f.text) ?? []),
    ];
    return texts.filter((text) => !seen.some((s) => s.includes(text)));
  }

  /** Hovers the first mark inside `scope` that matches, and waits for its card. */
  async function hoverMark(page: Page, scope: string, text: RegExp) {
    await page.mouse.move(2, 2);
    await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
    const mark = page.locator(`${scope} [data-backstory]`).filter({ hasText: text }).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    return card;
  }

  describe('a page that appends articles after load', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open('/append-article.html');
    });
    afterAll(async () => {
      await page?.close();
    });

    const SECOND = ['Emmanuel Macron', 'David Lammy', 'Sunniva Marchetti', '€4.5 billion'];
    const THIRD = ['Yvette Cooper', 'Kemi Badenoch', 'Priya Castellane', '£750 million'];
    /** Waits until the pass that read an appended article has ended. */
    const passRead = (texts: readonly string[]) =>
      expect.poll(() => unsummarised(page, texts), { timeout: 15_000 }).toEqual([]);

    it('marks the names and figures of the article the page appends after load', async () => {
      await passRead(SECOND);
      expect(await unmarked(page, '#second', SECOND)).toEqual([]);
      // A name after inline markup is in the paragraph's second text node.
      expect(await unmarked(page, '#second', ['Sunniva Marchetti'])).toEqual([]);
      expect(await unmarked(page, '#first-inline', ['Gareth Llewellyn'])).toEqual([]);
      const second = await readMarks(page, '#second');
      expect(second.some((m) => m.kind === 'person' && m.text.includes('Tobias Wrenfield'))).toBe(true);
      expect(second.some((m) => m.kind === 'figure' && m.text.includes('14,000'))).toBe(true);
      expect(await passes(page)).toBeGreaterThanOrEqual(1);
    });

    it('marks an article appended on a click in a later pass, and leaves earlier marks as they were', async () => {
      await passRead(SECOND);
      expect(await unmarked(page, '#first', ['Rachel Reeves', '£3.4 billion'])).toEqual([]);
      const before = { first: await readMarks(page, '#first'), second: await readMarks(page, '#second') };
      const passesBefore = await passes(page);

      await page.click('#load-more');
      await passRead(THIRD);
      expect(await unmarked(page, '#third', THIRD)).toEqual([]);
      expect(await passes(page)).toBeGreaterThan(passesBefore);

      expect(await readMarks(page, '#first')).toEqual(before.first);
      expect(await readMarks(page, '#second')).toEqual(before.second);
      expect(await nestedMarks(page)).toBe(0);
    });

    it('marks nothing in the ticker the page keeps changing outside its articles', async () => {
      await passRead(THIRD);
      expect(await readMarks(page, '#ticker')).toEqual([]);
    });

    it('opens a card on a mark from a later pass', async () => {
      await passRead(THIRD);
      const card = await hoverMark(page, '#third', /Yvette Cooper/);
      expect(await card.getAttribute('data-kind')).toBe('person');
      expect(await card.locator('[data-testid="card-name"]').textContent()).toContain('Yvette Cooper');
      await page.keyboard.press('Escape');

      const figure = await hoverMark(page, '#second', /€4\.5 billion/);
      expect(await figure.getAttribute('data-kind')).toBe('figure');
      await page.keyboard.press('Escape');
      await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
    });

    it('summarises the people and figures of every pass for the popup', async () => {
      await passRead(THIRD);
      const summary = await summaryOf(page);
      const names = summary?.entities.map((e) => e.name) ?? [];
      for (const name of ['Rachel Reeves', 'Emmanuel Macron', 'Yvette Cooper', 'Kemi Badenoch']) {
        expect(names, name).toContain(name);
      }
      const figures = summary?.figures.map((f) => f.text) ?? [];
      expect(figures).toEqual(expect.arrayContaining(['£3.4 billion', '€4.5 billion', '£750 million']));
      expect(summary?.url).toMatch(/\/append-article\.html$/);
    });

    it('keeps the page’s own script working: its node references and click handler', async () => {
      await passRead(THIRD);
      const connected = await page.evaluate(() => {
        const added = (window as unknown as { appendedParagraphs: Element[] }).appendedParagraphs;
        return added.length === 6 && added.every((p) => p.isConnected);
      });
      expect(connected).toBe(true);
      const clicks = () =>
        page.evaluate(() => (window as unknown as { articleClicks: number }).articleClicks);
      const before = await clicks();
      await page.locator('#third [data-backstory="person"]').first().click();
      await expect.poll(clicks).toBe(before + 1);
      await page.keyboard.press('Escape');
    });
  });

  describe('a single-page app that navigates with pushState', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open('/spa-navigation.html');
    });
    afterAll(async () => {
      await page?.close();
    });

    const STORY_TWO = ['Kemi Badenoch', 'Oskar Lindqvist-Hale', '£1.9 billion'];
    /** Waits until the pass that read the new story has ended. */
    const storyTwoMarked = () =>
      expect.poll(() => unsummarised(page, STORY_TWO), { timeout: 15_000 }).toEqual([]);

    it('marks the new story once, after the URL changes', async () => {
      expect(await unmarked(page, '#story-body', ['Rachel Reeves'])).toEqual([]);
      await page.click('#next-story');
      await storyTwoMarked();
      expect(page.url()).toMatch(/\?story=2$/);
      expect(await unmarked(page, '#story-body', STORY_TWO)).toEqual([]);
      const marks = await readMarks(page, '#story-body');
      expect(marks.some((m) => m.kind === 'person' && m.text.includes('Oskar Lindqvist-Hale'))).toBe(true);
      expect(marks.some((m) => m.kind === 'figure' && m.text.includes('3,200'))).toBe(true);
      expect(marks.some((m) => m.text.includes('Rachel Reeves'))).toBe(false);
      expect(await nestedMarks(page)).toBe(0);
    });

    it('keeps the marks of the old story that are still on the page working', async () => {
      await storyTwoMarked();
      const card = await hoverMark(page, '#series', /Halvard Pennimore/);
      expect(await card.textContent()).toContain('Halvard Pennimore');
      await page.keyboard.press('Escape');
      await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
    });

    it('describes the new URL, title and date in the summary, without the story that is gone', async () => {
      await storyTwoMarked();
      const summary = await summaryOf(page);
      expect(summary?.url).toMatch(/\/spa-navigation\.html\?story=2$/);
      expect(summary?.title).toBe('Hospital waiting lists shrink: Backstory test fixture');
      expect(summary?.articleDate).toBe('2025-06-02');
      const names = summary?.entities.map((e) => e.name) ?? [];
      expect(names).toEqual(expect.arrayContaining(['Kemi Badenoch']));
      expect(names.some((n) => n.includes('Oskar Lindqvist-Hale'))).toBe(true);
      expect(names).not.toContain('Rachel Reeves');
      expect(names.some((n) => n.includes('Ashworth-Vale'))).toBe(false);
      expect(summary?.figures.map((f) => f.text)).not.toContain('£2.6 billion');

      const popup = await openPopupFor(ext.context, ext.extensionId, page, {
        viewport: { width: 400, height: 600 },
      });
      try {
        const people = popup.locator('[data-testid="people"] li');
        await expect
          .poll(() => people.allTextContents(), { timeout: 10_000 })
          .toEqual(expect.arrayContaining([expect.stringContaining('Kemi Badenoch')]));
        expect(await popup.locator('.article-title').textContent()).toBe(summary?.title);
      } finally {
        await popup.close();
      }
    });

    it('reads the page again when only the URL changes, and gives the popup the new URL', async () => {
      await storyTwoMarked();
      const before = { passes: await passes(page), marks: await readMarks(page) };
      await page.evaluate(() => history.replaceState(history.state, '', '?story=2&view=full'));
      await expect.poll(() => passes(page), { timeout: 15_000 }).toBeGreaterThan(before.passes);
      expect((await summaryOf(page))?.url).toMatch(/\?story=2&view=full$/);
      expect(await readMarks(page)).toEqual(before.marks);
    });

    it('keeps the app’s own script working', async () => {
      await storyTwoMarked();
      const state = await page.evaluate(() => {
        const w = window as unknown as { navigations: number; storyTwoParagraphs: Element[] };
        return { navigations: w.navigations, connected: w.storyTwoParagraphs.every((p) => p.isConnected) };
      });
      expect(state).toEqual({ navigations: 1, connected: true });
    });
  });
});
