/**
 * Cards on the demo article: a person card, the "Not in your database" card for an unknown name, and a
 * figure card, opened by hover and closed by Escape.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  DEMO_DIR,
  type LaunchedExtension,
  launchExtension,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

describe('cards on the demo article', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    server = await startStaticServer({ root: DEMO_DIR });
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`${server.url}/article.html`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** Hovers the first article mark that matches, and waits for its card to be shown. */
  async function hoverMark(kind: string, text: RegExp) {
    await page.mouse.move(2, 2);
    await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
    const mark = page.locator(`article [data-backstory="${kind}"]`).filter({ hasText: text }).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    return card;
  }

  it('shows a person’s name, role on the article’s date and description', async () => {
    const card = await hoverMark('person', /Keir Starmer/);
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('data-kind')).toBe('person');
    expect(await card.locator('[data-testid="card-name"]').textContent()).toContain('Keir Starmer');
    expect(await card.locator('[data-testid="card-role"]').textContent()).toContain('Prime Minister');
    expect((await card.locator('[data-testid="card-description"]').textContent())?.trim()).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
  });

  it('says "Not in your database" for an unknown name, with what the article says', async () => {
    const card = await hoverMark('person', /Jane Okafor/);
    expect(await card.getAttribute('data-kind')).toBe('unknown');
    expect(await card.textContent()).toContain('Not in your database');
    const says = card.locator('[data-testid="article-says"]');
    expect(await says.count()).toBe(1);
    expect(await says.textContent()).toMatch(/economist|Every extra pound/i);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
  });

  it('shows a figure’s value in full and the other figures of its kind on the page', async () => {
    const card = await hoverMark('figure', /£2\.2 billion/);
    expect(await card.getAttribute('data-kind')).toBe('figure');
    expect(await card.locator('[data-testid="figure-value"]').textContent()).toContain(
      '£2.2 billion = 2,200,000,000 GBP',
    );
    const elsewhere = await card.locator('[data-testid="figure-elsewhere"]').allTextContents();
    expect(
      elsewhere.some((t) => t.includes('£9.9 billion')),
      JSON.stringify(elsewhere),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardLocator(page).count(), { timeout: 5000 }).toBe(0);
  });
});
