/**
 * Screenshots for the README: a person card on the demo article (`docs/screenshots/person-card.png`) and
 * the popup for it (`docs/screenshots/popup.png`), and the £13.4 billion figure card on the seed article
 * (`docs/screenshots/figure-card.png`). Each is taken once the UI it shows is on screen.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  DEMO_DIR,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  REPO_ROOT,
  waitForReady,
} from './support/extension';
import { buildSeedPage, seedExists } from './support/seed-page';
import { type StaticServer, startStaticServer } from './support/static-server';

const OUT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

describe('README screenshots', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    server = await startStaticServer({ root: DEMO_DIR });
    ext = await launchExtension({ viewport: { width: 1200, height: 800 } });
    page = await ext.context.newPage();
    await page.goto(`${server.url}/article.html`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('person card on the demo article', async () => {
    const mark = page
      .locator('article [data-backstory="person"]')
      .filter({ hasText: /Keir Starmer/ })
      .first();
    // Bring the mark to the upper part of the viewport so the card below it is fully visible.
    await mark.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -160);
    });
    await mark.hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await card.getAttribute('data-kind')).toBe('person');
    // The card is placed by Floating UI after it renders: wait until its position has settled.
    let last = '';
    await expect
      .poll(
        async () => {
          const box = JSON.stringify(await card.boundingBox());
          const settled = box === last;
          last = box;
          return settled;
        },
        { timeout: 5000, interval: 100 },
      )
      .toBe(true);
    await page.screenshot({ path: join(OUT_DIR, 'person-card.png') });
  });

  it('popup for the demo article', async () => {
    const popup = await openPopupFor(ext.context, ext.extensionId, page, {
      viewport: { width: 400, height: 600 },
    });
    try {
      await expect
        .poll(() => popup.locator('[data-testid="people"] li').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await expect
        .poll(() => popup.locator('[data-testid="db-status"]').count(), { timeout: 10_000 })
        .toBe(1);
      // The brief: the reader bar (pause on this site) and items that jump to their first mention.
      await popup.locator('[data-testid="reader-bar"]').waitFor();
      await expect
        .poll(() => popup.locator('[data-testid="people"] button.jump').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await popup.evaluate(() => document.fonts.ready.then(() => undefined));
      await popup.screenshot({ path: join(OUT_DIR, 'popup.png') });
    } finally {
      await popup.close();
    }
  });
});

describe.skipIf(!seedExists)('README screenshot of a figure card', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    server = await startStaticServer({ routes: { '/seed.html': buildSeedPage() } });
    ext = await launchExtension({ viewport: { width: 1200, height: 800 } });
    page = await ext.context.newPage();
    await page.goto(`${server.url}/seed.html`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('figure card for £13.4 billion on the seed article', async () => {
    const mark = page
      .locator('article [data-backstory="figure"]')
      .filter({ hasText: /£13\.4 billion/ })
      .first();
    await mark.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -160);
    });
    await mark.hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await card.locator('[data-testid="figure-discrepancy"]').count()).toBe(1);
    let last = '';
    await expect
      .poll(
        async () => {
          const box = JSON.stringify(await card.boundingBox());
          const settled = box === last;
          last = box;
          return settled;
        },
        { timeout: 5000, interval: 100 },
      )
      .toBe(true);
    await page.screenshot({ path: join(OUT_DIR, 'figure-card.png') });
  });
});
