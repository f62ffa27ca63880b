/**
 * The popup brief of the seed article, in real Chromium: people with their roles, figures with their
 * parsed values, the role conflict, the most relevant earlier statements with why each is shown, and the
 * quotes the page sent for capture. Clicking an item scrolls the page to the item's first mention,
 * focuses it and opens its card.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  DEMO_DIR,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  waitForReady,
} from './support/extension';
import { buildSeedPage, seedExists } from './support/seed-page';
import { type StaticServer, startStaticServer } from './support/static-server';

describe.skipIf(!seedExists)('popup brief', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    server = await startStaticServer({
      root: DEMO_DIR,
      routes: { '/seed.html': () => buildSeedPage() },
    });
    ext = await launchExtension();
    page = await ext.context.newPage();
    // The jump is instant under reduced motion, so where the page is can be read at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/seed.html`);
    await waitForReady(page);
    popup = await openPopupFor(ext.context, ext.extensionId, page, { viewport: { width: 400, height: 600 } });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The list items under a test id, as trimmed text, once the popup has rendered them. */
  async function items(testId: string): Promise<string[]> {
    const list = popup.locator(`[data-testid="${testId}"] li`);
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    return (await list.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  it('lists the people with their roles, the figures, the role conflict, and ranked statements with why', async () => {
    const people = await items('people');
    const starmer = people.find((p) => p.includes('Keir Starmer'));
    expect(starmer).toContain('Prime Minister');
    const figures = await items('figures');
    expect(figures.some((f) => f.includes('£13.4 billion'))).toBe(true);
    // The figure's context from the page: who gave it, and the same spending increase given another way.
    const big = figures.find((f) => f.startsWith('£13.4 billion'));
    expect(big).toContain('Given by Keir Starmer');
    expect(big).toMatch(/Same topic on this page: something over £6 billion, John Healey/);
    expect(big).toContain('The article gives two different figures for this.');
    const conflicts = await items('conflicts');
    expect(conflicts.some((c) => c.includes('Sergey Lavrov') && c.includes('Russia defence minister'))).toBe(
      true,
    );
    const statements = await items('statements');
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThanOrEqual(5);
    const why = await popup
      .locator('[data-testid="statements"] [data-testid="statement-why"]')
      .allTextContents();
    expect(why.length).toBeGreaterThan(0);
    expect(why[0]).toMatch(/^Why shown: \S/);
  });

  it('lists the quotes the page sent for capture, each by its speaker', async () => {
    const captured = await items('captured');
    expect(captured.some((q) => q.startsWith('Keir Starmer:'))).toBe(true);
  });

  it('scrolls to a figure’s first mention when its item is clicked, focuses it and opens its card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const item = popup
      .locator('[data-testid="figures"] button.jump')
      .filter({ hasText: '£13.4 billion' })
      .first();
    const key = await item.getAttribute('data-reveal-key');
    await item.click();
    await page.bringToFront();

    const card = cardLocator(page);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.getAttribute('data-kind')).toBe('figure');
    const first = await page.evaluate((id) => {
      const mark = document.querySelector(
        `[data-backstory="figure"][data-backstory-id="${CSS.escape(id ?? '')}"]`,
      );
      const box = mark?.getBoundingClientRect();
      return {
        text: mark?.textContent,
        focused: mark !== null && document.activeElement === mark,
        inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
        scrolled: window.scrollY > 0,
        expanded: mark?.getAttribute('aria-expanded'),
      };
    }, key);
    expect(first).toEqual({
      text: '£13.4 billion',
      focused: true,
      inView: true,
      scrolled: true,
      expanded: 'true',
    });
  });

  it('opens a person’s card at their first mention from the people list', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await popup.bringToFront();
    const item = popup
      .locator('[data-testid="people"] button.jump')
      .filter({ hasText: 'Keir Starmer' })
      .first();
    const id = await item.getAttribute('data-reveal-key');
    await item.click();
    await page.bringToFront();

    const card = cardLocator(page);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('[data-testid="card-name"]').textContent()).toContain('Keir Starmer');
    const focusedIsFirst = await page.evaluate(
      (entityId) =>
        document.activeElement ===
        [...document.querySelectorAll('[data-backstory-id]')].find(
          (m) =>
            m.getAttribute('data-backstory-id') === entityId && m.getAttribute('data-backstory') !== 'figure',
        ),
      id,
    );
    expect(focusedIsFirst).toBe(true);
  });
});
