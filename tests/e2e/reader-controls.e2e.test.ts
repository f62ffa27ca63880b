/**
 * Reader controls on the demo article, in real Chromium: "Pause on this site" from the popup takes every
 * mark and card out at once and gives the page back its own text nodes (the same objects, with the same
 * text); resuming marks the page again; the kinds to mark and the theme, changed on the options page,
 * apply to the open tab without a reload; and the keyboard moves between mentions and opens their cards.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  DEMO_DIR,
  type LaunchedExtension,
  launchExtension,
  type MarkInfo,
  openPopupFor,
  readMarks,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

/** `chrome` in the service worker, where `serviceWorker.evaluate` runs (no `@types/chrome` here). */
declare const chrome: { storage: { local: { clear(): Promise<void> } } };

/** The body's text nodes and markup when the page was parsed, before Backstory's content script ran. */
declare global {
  interface Window {
    bsOriginal?: { nodes: Text[]; data: string[]; html: string };
  }
}

describe('reader controls', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;
  let marked: MarkInfo[];

  beforeAll(async () => {
    server = await startStaticServer({ root: DEMO_DIR });
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const p of ext.context.pages()) await p.close();
    await ext.serviceWorker.evaluate(() => chrome.storage.local.clear());
  });

  /** Opens the demo article, keeping its parsed text nodes (document_idle comes after DOMContentLoaded). */
  async function openArticle(): Promise<void> {
    page = await ext.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        window.bsOriginal = { nodes, data: nodes.map((n) => n.data), html: document.body.innerHTML };
      });
    });
    await page.goto(`${server.url}/article.html`);
    await waitForReady(page);
    marked = await readMarks(page);
    expect(marked.length).toBeGreaterThan(10);
  }

  /** How the body compares with the page as parsed. */
  function compareWithOriginal() {
    return page.evaluate(() => {
      const original = window.bsOriginal;
      if (!original) throw new Error('no snapshot');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      return {
        sameNodes: nodes.length === original.nodes.length && nodes.every((n, i) => n === original.nodes[i]),
        sameText: nodes.every((n, i) => n.data === original.data[i]),
        sameMarkup: document.body.innerHTML === original.html,
        marks: document.querySelectorAll('[data-backstory]').length,
        cards: document.querySelectorAll('backstory-card').length,
      };
    });
  }

  async function openOptions(): Promise<Page> {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('[data-testid="reader-settings"]').waitFor();
    return options;
  }

  it('pauses on this site from the popup without a reload, restoring the page’s own text nodes exactly', async () => {
    await openArticle();
    expect((await compareWithOriginal()).sameNodes).toBe(false);
    // A card is open when the reader pauses.
    await page.locator('article [data-backstory="person"]').first().focus();
    await expect.poll(() => cardLocator(page).isVisible()).toBe(true);
    await page.evaluate(() => {
      (window as Window & { bsNotReloaded?: boolean }).bsNotReloaded = true;
    });

    const popup = await openPopupFor(ext.context, ext.extensionId, page, {
      viewport: { width: 400, height: 600 },
    });
    const toggle = popup.locator('[data-testid="pause-site"]');
    expect(await toggle.textContent()).toBe('Pause on this site');
    await toggle.click();
    await page.waitForSelector('html[data-backstory-paused]', { state: 'attached' });

    expect(await compareWithOriginal()).toEqual({
      sameNodes: true,
      sameText: true,
      sameMarkup: true,
      marks: 0,
      cards: 0,
    });
    expect(await page.evaluate(() => (window as Window & { bsNotReloaded?: boolean }).bsNotReloaded)).toBe(
      true,
    );
    await expect.poll(() => popup.locator('[data-testid="paused-note"]').count()).toBe(1);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await popup.locator('[data-testid="reader-bar"]').textContent()).toContain('127.0.0.1');
  });

  it('marks the page again, the same mentions, when the reader resumes', async () => {
    await openArticle();
    await page.locator('article [data-backstory="person"]').first().focus();
    await expect.poll(() => cardLocator(page).isVisible()).toBe(true);
    const popup = await openPopupFor(ext.context, ext.extensionId, page, {
      viewport: { width: 400, height: 600 },
    });
    const toggle = popup.locator('[data-testid="pause-site"]');
    await toggle.click();
    await page.waitForSelector('html[data-backstory-paused]', { state: 'attached' });
    expect(await readMarks(page)).toEqual([]);

    await toggle.click();
    await expect.poll(async () => (await readMarks(page)).length).toBe(marked.length);
    expect(await readMarks(page)).toEqual(marked);
    // The card, taken out of the page by the pause, opens again.
    await page.bringToFront();
    await page.locator('article [data-backstory="person"]').first().focus();
    await expect.poll(() => cardLocator(page).isVisible()).toBe(true);
    // The popup shows the brief of the marked page again.
    await expect.poll(() => popup.locator('[data-testid="people"] li').count()).toBeGreaterThan(0);
    // A paused site stays paused across a reload; resumed here, the page loads marked.
    await page.reload();
    await waitForReady(page);
    expect((await readMarks(page)).length).toBe(marked.length);
  });

  it('a site paused before the page loads is not marked at all', async () => {
    await ext.serviceWorker.evaluate(() =>
      (chrome.storage.local as unknown as { set(v: object): Promise<void> }).set({
        readerPausedSites: ['127.0.0.1'],
      }),
    );
    page = await ext.context.newPage();
    await page.goto(`${server.url}/article.html`);
    await waitForReady(page);
    expect(await page.locator('html[data-backstory-paused]').count()).toBe(1);
    expect(await readMarks(page)).toEqual([]);
  });

  it('applies the kinds to mark live: switching figures off unmarks them, on marks them again', async () => {
    await openArticle();
    const figures = marked.filter((m) => m.kind === 'figure');
    expect(figures.length).toBeGreaterThan(0);
    const options = await openOptions();
    const figureBox = options.locator('input[name="mark-figure"]');
    expect(await figureBox.isChecked()).toBe(true);
    await figureBox.uncheck();

    await expect.poll(async () => (await readMarks(page)).length).toBe(marked.length - figures.length);
    const left = await readMarks(page);
    expect(left.some((m) => m.kind === 'figure')).toBe(false);
    expect(left).toEqual(marked.filter((m) => m.kind !== 'figure'));

    await figureBox.check();
    await expect.poll(async () => (await readMarks(page)).length).toBe(marked.length);
    expect(await readMarks(page)).toEqual(marked);
  });

  it('moves between mentions with Alt+Shift+. and Alt+Shift+, and opens each card', async () => {
    await openArticle();
    await page.bringToFront();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('h1').first().click();

    const focusedMark = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.hasAttribute('data-backstory')
          ? {
              label: el.getAttribute('aria-label'),
              expanded: el.getAttribute('aria-expanded'),
              index: [...document.querySelectorAll('[data-backstory]')].indexOf(el),
            }
          : null;
      });
    const card = cardLocator(page);

    await page.keyboard.press('Alt+Shift+Period');
    const first = await focusedMark();
    expect(first?.index).toBe(0);
    await expect.poll(() => card.isVisible()).toBe(true);
    const label = await card.getAttribute('aria-label');
    expect(label).toBeTruthy();
    expect(first?.label).toContain(label);
    expect((await focusedMark())?.expanded).toBe('true');

    await page.keyboard.press('Alt+Shift+Period');
    expect((await focusedMark())?.index).toBe(1);
    await page.keyboard.press('Alt+Shift+Comma');
    expect((await focusedMark())?.index).toBe(0);
    // Backwards from the first mention wraps to the last.
    await page.keyboard.press('Alt+Shift+Comma');
    expect((await focusedMark())?.index).toBe(marked.length - 1);
    await page.keyboard.press('Alt+Shift+Period');
    expect((await focusedMark())?.index).toBe(0);

    // Tab enters the open card; Escape closes it and gives focus back to the mark.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('backstory-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect((await focusedMark())?.index).toBe(0);

    // Shift+Tab from the card's first control goes back to its mark; Tab past its last control goes on
    // from the mark to what follows it in the page (the next mention).
    await page.keyboard.press('Enter');
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focusedMark())?.index).toBe(0);
    const controls = await card.evaluate(
      (el) => el.querySelectorAll('a[href], button:not([disabled]), input, select, textarea').length,
    );
    expect(controls).toBeGreaterThan(0);
    for (let i = 0; i <= controls; i++) await page.keyboard.press('Tab');
    expect((await focusedMark())?.index).toBe(1);
    // That card opened only because Tab reached its mark: Tab passes it by, to the next mention.
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focusedMark())?.index).toBe(2);
  });

  it('leaves the shortcut to a field the reader is typing in', async () => {
    await openArticle();
    await page.bringToFront();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'bs-test-field';
      document.body.prepend(input);
      input.focus();
    });
    await page.keyboard.press('Alt+Shift+Period');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bs-test-field');
  });

  it('applies the dark theme to the open card, the popup and the options page', async () => {
    await openArticle();
    await page.emulateMedia({ colorScheme: 'light' });
    const options = await openOptions();
    await options.emulateMedia({ colorScheme: 'light' });
    await options.locator('input[name="theme"][value="dark"]').check();

    await page.bringToFront();
    const mark = page.locator('article [data-backstory="person"]').first();
    await mark.focus();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible()).toBe(true);
    const cardColours = () =>
      card.evaluate((el) => {
        const style = getComputedStyle(el);
        return { background: style.backgroundColor, color: style.color };
      });
    await expect.poll(cardColours).toEqual({ background: 'rgb(30, 33, 40)', color: 'rgb(236, 238, 242)' });

    const popup = await openPopupFor(ext.context, ext.extensionId, page, {
      viewport: { width: 400, height: 600 },
    });
    await popup.emulateMedia({ colorScheme: 'light' });
    const bodyColours = (p: Page) =>
      p.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, color: style.color };
      });
    const dark = { background: 'rgb(30, 33, 40)', color: 'rgb(236, 238, 242)' };
    await expect.poll(() => bodyColours(popup)).toEqual(dark);
    await expect.poll(() => bodyColours(options)).toEqual(dark);

    // Light, chosen while the system is dark, wins over the system too.
    await options.locator('input[name="theme"][value="light"]').check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    const light = { background: 'rgb(255, 255, 255)', color: 'rgb(27, 29, 33)' };
    await expect.poll(() => bodyColours(popup)).toEqual(light);
    await expect.poll(cardColours).toEqual(light);
  });
});
