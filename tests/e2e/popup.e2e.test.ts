/**
 * The toolbar popup, opened as `popup.html?tab=<id>` for an article tab: the article's people with their
 * mention counts, its figures and statements, and the database status.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_DIR,
  type LaunchedExtension,
  launchExtension,
  openPopupFor,
  waitForReady,
} from './support/extension';
import { buildSeedPage, seedExists } from './support/seed-page';
import { type StaticServer, startStaticServer } from './support/static-server';

describe('popup', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({
      root: DEMO_DIR,
      // The seed page is built at test time from ../shared and served only when it is there.
      routes: { '/seed.html': () => (seedExists ? buildSeedPage() : undefined) },
    });
    ext = await launchExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function popupFor(path: string): Promise<{ page: Page; popup: Page }> {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}${path}`);
    await waitForReady(page);
    const popup = await openPopupFor(ext.context, ext.extensionId, page, {
      viewport: { width: 400, height: 600 },
    });
    return { page, popup };
  }

  /** The list items under a test id, as trimmed text, once the popup has rendered them. */
  async function items(popup: Page, testId: string): Promise<string[]> {
    const list = popup.locator(`[data-testid="${testId}"] li`);
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    return (await list.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  it('lists the demo article’s people with mention counts, its figures, and the database status', async () => {
    const { page, popup } = await popupFor('/article.html');
    try {
      const people = await items(popup, 'people');
      for (const name of [
        'Keir Starmer',
        'Rachel Reeves',
        'Donald Trump',
        'Volodymyr Zelensky',
        'Kemi Badenoch',
      ]) {
        const item = people.find((p) => p.includes(name));
        expect(item, `${name} in ${JSON.stringify(people)}`).toBeDefined();
        expect(item).toMatch(/\d/);
      }
      const figures = await items(popup, 'figures');
      expect(figures.some((f) => f.includes('£2.2 billion'))).toBe(true);

      const status = popup.locator('[data-testid="db-status"]');
      await expect.poll(() => status.count(), { timeout: 10_000 }).toBe(1);
      const text = (await status.textContent()) ?? '';
      expect(text).toMatch(/starter/i);
      expect(text).toMatch(/[1-9]/);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it.skipIf(!seedExists)('lists the seed article’s people and their earlier statements', async () => {
    const { page, popup } = await popupFor('/seed.html');
    try {
      const people = await items(popup, 'people');
      for (const name of ['Keir Starmer', 'Donald Trump', 'Volodymyr Zelensky', 'Emmanuel Macron']) {
        expect(
          people.some((p) => p.includes(name)),
          `${name} in ${JSON.stringify(people)}`,
        ).toBe(true);
      }
      const figures = await items(popup, 'figures');
      expect(figures.some((f) => f.includes('£13.4 billion'))).toBe(true);
      const statements = await items(popup, 'statements');
      expect(statements.length).toBeGreaterThan(0);
      const conflicts = await items(popup, 'conflicts');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toContain('Sergey Lavrov');
      expect(conflicts[0]).toContain('Russia defence minister');
      expect(conflicts[0]).toContain('Foreign Affairs');
      await expect.poll(() => popup.locator('[data-testid="db-status"]').count()).toBe(1);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
