/**
 * Marks on the demo article and the fixtures: the marking contract, skipped regions, the ready state on a
 * page with nothing to mark, no layout shift, and page scripts left working.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_DIR,
  FIXTURES_DIR,
  type LaunchedExtension,
  launchExtension,
  launchPlainBrowser,
  readMarks,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

const KINDS = ['person', 'organization', 'place', 'figure'];
/** An entity id (`Q6383803`), an unknown name (`unknown:jane okafor`) or a figure key (`money:GBP:…`). */
const MARK_ID = /^(Q\d+|unknown:\S.*|[a-z][a-z-]*:\S+)$/;

describe('marks', () => {
  let ext: LaunchedExtension;
  let demo: StaticServer;
  let fixtures: StaticServer;

  beforeAll(async () => {
    [demo, fixtures] = await Promise.all([
      startStaticServer({ root: DEMO_DIR }),
      startStaticServer({ root: FIXTURES_DIR }),
    ]);
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await Promise.all([demo?.close(), fixtures?.close()]);
  });

  async function open(url: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(url);
    await waitForReady(page);
    return page;
  }

  describe('on the demo article', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(`${demo.url}/article.html`);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('gives every mark the contract attributes', async () => {
      const marks = await readMarks(page);
      expect(marks.length).toBeGreaterThan(5);
      for (const mark of marks) {
        expect(KINDS, mark.text).toContain(mark.kind);
        expect(mark.id ?? '', mark.text).toMatch(MARK_ID);
        expect(mark.tabindex, mark.text).toBe('0');
        expect(mark.ariaLabel?.trim(), mark.text).toBeTruthy();
        expect(mark.text).not.toBe('');
      }
    });

    it('marks the people of the starter pack with their entity ids', async () => {
      const marks = (await readMarks(page, 'article')).filter((m) => m.kind === 'person');
      const idsFor = (name: string) => new Set(marks.filter((m) => m.text.includes(name)).map((m) => m.id));
      for (const name of [
        'Keir Starmer',
        'Rachel Reeves',
        'Donald Trump',
        'Volodymyr Zelensky',
        'Kemi Badenoch',
      ]) {
        const ids = [...idsFor(name)];
        expect(ids, name).toHaveLength(1);
        expect(ids[0], name).toMatch(/^Q\d+$/);
      }
      // "Sir Keir" is the same person as "Prime Minister Sir Keir Starmer".
      const starmer = [...idsFor('Keir Starmer')][0];
      const sirKeir = marks.filter((m) => /^(Sir )?Keir$/.test(m.text.replace(/’s$|'s$/, '')));
      expect(sirKeir.length).toBeGreaterThan(0);
      for (const m of sirKeir) expect(m.id).toBe(starmer);
    });

    it('marks a name the database does not know as unknown:<normalised name>', async () => {
      const marks = (await readMarks(page, 'article')).filter((m) => m.text.includes('Jane Okafor'));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        expect(m.kind).toBe('person');
        expect(m.id).toMatch(/^unknown:.*okafor/i);
      }
    });

    it('marks figures with their keys', async () => {
      const figures = (await readMarks(page, 'article')).filter((m) => m.kind === 'figure');
      const texts = figures.map((f) => f.text);
      for (const text of ['£2.2 billion', '£9.9 billion', '3.1%', '2.5%', '2026-27', '12,000']) {
        expect(
          texts.some((t) => t.includes(text)),
          `${text} in ${JSON.stringify(texts)}`,
        ).toBe(true);
      }
      const money = figures.find((f) => f.text.includes('£2.2 billion'));
      expect(money?.id).toBe('money:GBP:2200000000');
    });

    it('keeps page scripts working: their element references and click handlers', async () => {
      const connected = await page.evaluate(() => {
        const paragraphs = (window as unknown as { demoParagraphs: Element[] }).demoParagraphs;
        return paragraphs.length > 0 && paragraphs.every((p) => p.isConnected);
      });
      expect(connected).toBe(true);
      const clicks = () => page.evaluate(() => (window as unknown as { demoClicks: number }).demoClicks);
      const before = await clicks();
      // A click on a mark bubbles to the page's handler on the paragraph around it.
      await page.locator('article p [data-backstory="person"]').first().click();
      await expect.poll(clicks).toBe(before + 1);
      await page.keyboard.press('Escape');
    });

    it('does not shift the layout: same article height and paragraph positions as without Backstory', async () => {
      const measure = (p: Page) =>
        p.evaluate(() => {
          const article = document.querySelector('article');
          const paragraphs = Array.from(document.querySelectorAll('article p'));
          const picks = [0, 1, 2, Math.floor(paragraphs.length / 2), paragraphs.length - 1];
          return {
            articleHeight: article?.getBoundingClientRect().height ?? -1,
            articleWidth: article?.getBoundingClientRect().width ?? -1,
            scrollHeight: document.documentElement.scrollHeight,
            paragraphs: picks.map((i) => {
              const r = paragraphs[i]?.getBoundingClientRect();
              return r ? { top: r.top + window.scrollY, left: r.left, height: r.height } : null;
            }),
          };
        });
      await page.evaluate(() => window.scrollTo(0, 0));
      const marked = await measure(page);
      expect(await page.locator('article [data-backstory]').count()).toBeGreaterThan(0);

      const plain = await launchPlainBrowser(page.viewportSize() ?? undefined);
      try {
        const reference = await plain.context.newPage();
        await reference.goto(`${demo.url}/article.html`);
        await reference.evaluate(() => document.fonts.ready.then(() => undefined));
        const unmarked = await measure(reference);
        expect(await reference.locator('[data-backstory]').count()).toBe(0);

        expect(Math.abs(marked.articleHeight - unmarked.articleHeight)).toBeLessThanOrEqual(1);
        expect(Math.abs(marked.articleWidth - unmarked.articleWidth)).toBeLessThanOrEqual(1);
        expect(Math.abs(marked.scrollHeight - unmarked.scrollHeight)).toBeLessThanOrEqual(1);
        marked.paragraphs.forEach((p, i) => {
          const q = unmarked.paragraphs[i];
          expect(p && q, `paragraph pick ${i}`).toBeTruthy();
          if (!p || !q) return;
          expect(Math.abs(p.top - q.top), `top of paragraph pick ${i}`).toBeLessThanOrEqual(1);
          expect(Math.abs(p.left - q.left), `left of paragraph pick ${i}`).toBeLessThanOrEqual(1);
          expect(Math.abs(p.height - q.height), `height of paragraph pick ${i}`).toBeLessThanOrEqual(1);
        });
      } finally {
        await plain.close();
      }
    });

    it('marks nothing in the nav, the aside and the footer (page chrome)', async () => {
      for (const scope of ['nav', 'aside', 'footer']) {
        expect(await readMarks(page, scope), scope).toEqual([]);
      }
    });
  });

  describe('skip regions fixture', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open(`${fixtures.url}/skip-regions.html`);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('marks names in ordinary paragraphs', async () => {
      const first = await readMarks(page, '#marked-1');
      const second = await readMarks(page, '#marked-2');
      expect(
        first
          .filter((m) => m.kind === 'person')
          .map((m) => m.text)
          .join(' | '),
      ).toMatch(/Keir/);
      expect(
        first
          .filter((m) => m.kind === 'person')
          .map((m) => m.text)
          .join(' | '),
      ).toMatch(/Reeves/);
      expect(
        second
          .filter((m) => m.kind === 'person')
          .map((m) => m.text)
          .join(' | '),
      ).toMatch(/Trump/);
      expect(
        second
          .filter((m) => m.kind === 'person')
          .map((m) => m.text)
          .join(' | '),
      ).toMatch(/Zelensky/);
    });

    it('marks nothing inside script, style, textarea, input, code, pre or contenteditable', async () => {
      for (const scope of [
        'head',
        'script',
        'style',
        'form',
        '#skip-code',
        '#skip-pre',
        '#skip-editable',
        '#skip-editable-nested',
        '.note',
      ]) {
        expect(await readMarks(page, scope), scope).toEqual([]);
      }
      const untouched = await page.evaluate(() => ({
        textarea: (document.getElementById('skip-textarea') as HTMLTextAreaElement).value,
        input: (document.getElementById('skip-input') as HTMLInputElement).value,
        json: document.getElementById('data')?.textContent,
        note: (window as unknown as { fixtureNote: string }).fixtureNote,
        editable: document.getElementById('skip-editable')?.innerHTML,
      }));
      expect(untouched).toEqual({
        textarea: 'Keir Starmer and Donald Trump spent £13.4 billion.',
        input: 'Rachel Reeves £2.2 billion',
        json: '{"person": "Rachel Reeves", "amount": "£2.2 billion"}',
        note: 'Kemi Badenoch said £13.4 billion',
        editable: 'Draft: Rachel Reeves will announce £2.2 billion.',
      });
    });
  });

  it('reaches the ready state on a page with no names or figures', async () => {
    const page = await open(`${fixtures.url}/no-matches.html`);
    try {
      expect(await page.getAttribute('html', 'data-backstory-state')).toBe('ready');
      expect(await readMarks(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('makes no request outside 127.0.0.1 while marking', () => {
    expect(ext.blockedRequests).toEqual([]);
  });
});
