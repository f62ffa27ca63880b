/**
 * Context that earns the hover, in real Chromium: a person's earlier statements ranked against the page
 * (with why each is shown, and a keyboard-operable list of all of them, newest first), and on the seed
 * article the £13.4 billion figure card with the same spending increase given as "something over £6
 * billion" by John Healey, who gave each figure, and the plain flag that the two differ.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  FIXTURES_DIR,
  type LaunchedExtension,
  launchExtension,
  waitForReady,
} from './support/extension';
import { buildSeedPage, seedExists } from './support/seed-page';
import { type StaticServer, startStaticServer } from './support/static-server';

/**
 * Hovers the first mark of `kind` whose text matches, and waits for its card. Waits with locators, not
 * `expect.poll`: it runs in `beforeAll`.
 */
async function hoverMark(page: Page, kind: string, text: RegExp): Promise<Locator> {
  await page.mouse.move(2, 2);
  await cardLocator(page).waitFor({ state: 'detached', timeout: 5000 });
  const mark = page.locator(`article [data-backstory="${kind}"]`).filter({ hasText: text }).first();
  await mark.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -120);
  });
  await mark.hover();
  const card = cardLocator(page);
  await card.waitFor({ state: 'visible', timeout: 5000 });
  return card;
}

describe('context cards', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    server = await startStaticServer({
      root: FIXTURES_DIR,
      routes: seedExists ? { '/seed.html': buildSeedPage() } : {},
    });
    ext = await launchExtension();
    page = await ext.context.newPage();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  describe('ranked statements on a page about defence spending', () => {
    let card: Locator;

    beforeAll(async () => {
      await page.goto(`${server.url}/ranked-statements.html`);
      await waitForReady(page);
      card = await hoverMark(page, 'person', /Keir Starmer/);
    });

    it('shows the three statements most relevant to the page first, each with why it is shown', async () => {
      const top = card.locator('[data-testid="prior-statements"] > ul [data-testid="statement"]');
      expect(await top.count()).toBe(3);
      const first = top.first();
      expect(await first.locator('q').textContent()).toContain(
        'largest sustained increase in defence spending',
      );
      const why = (await first.locator('[data-testid="statement-why"]').textContent()) ?? '';
      expect(why).toMatch(/^Why shown: /);
      expect(why).toContain('defence');
      expect(why).toContain('spending');
      expect(await first.locator('time').getAttribute('datetime')).toBe('2025-02-26');
      expect(await first.locator('[data-testid="statement-source"]').textContent()).toContain(
        'The Independent',
      );
    });

    it('opens a list of all statements, newest first, from the keyboard', async () => {
      const more = card.locator('[data-testid="statements-more"]');
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => more.getAttribute('aria-expanded'), { timeout: 5000 }).toBe('true');
      const all = card.locator('[data-testid="statements-all"] [data-testid="statement"]');
      expect(await all.count()).toBeGreaterThanOrEqual(6);
      const dates = await all
        .locator('time')
        .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
      expect(await card.locator('[data-testid="statements-all"] ul').getAttribute('aria-label')).toBe(
        'All statements, newest first',
      );
      await page.keyboard.press('Enter');
      await expect
        .poll(() => card.locator('[data-testid="statements-all"]').count(), { timeout: 5000 })
        .toBe(0);
    });
  });

  describe.skipIf(!seedExists)('the £13.4 billion figure on the seed article', () => {
    let opened: Locator | undefined;

    /** The card, opened once for these tests (a hook inside `describe.skipIf` reads as the outer one's). */
    async function figureCard(): Promise<Locator> {
      if (opened) return opened;
      await page.goto(`${server.url}/seed.html`);
      await waitForReady(page);
      opened = await hoverMark(page, 'figure', /£13\.4 billion/);
      return opened;
    }

    it('says the Prime Minister, Keir Starmer, gave it', async () => {
      const card = await figureCard();
      const speaker = (await card.locator('[data-testid="figure-speaker"]').textContent()) ?? '';
      expect(speaker).toContain('Keir Starmer');
      expect(speaker).toContain('the Prime Minister');
      expect(await card.locator('[data-testid="figure-parsed"]').textContent()).toContain('billion');
    });

    it('lists "something over £6 billion" on the same topic, given by John Healey', async () => {
      const card = await figureCard();
      const sameTopic = card.locator('[data-testid="figure-elsewhere"][data-same-topic="true"]');
      const healey = sameTopic.filter({ hasText: 'something over £6 billion' });
      expect(await healey.count()).toBe(1);
      expect(await healey.locator('[data-testid="figure-elsewhere-speaker"]').textContent()).toContain(
        'John Healey',
      );
      expect(await healey.textContent()).toMatch(/same topic: .*(defence|spending|increase)/);
    });

    it('flags plainly that the article gives two different figures', async () => {
      const card = await figureCard();
      expect(await card.locator('[data-testid="figure-discrepancy"]').textContent()).toBe(
        'The article gives two different figures for this.',
      );
    });
  });
});
