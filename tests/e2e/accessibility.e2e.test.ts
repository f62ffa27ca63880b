/**
 * Accessibility checks with axe-core, in real Chromium, on what Backstory shows: the popup (with the
 * brief of the seed article, or the demo article without the seed), the options page, and an open card
 * inside its shadow root, with its mark. No violation of serious or critical impact is allowed, in the
 * light theme and in the dark one.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` of its source) rather than added as a
 * `<script>`: extension pages' content security policy refuses inline scripts.
 */
import { readFileSync } from 'node:fs';
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

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The slice of axe's API these checks call, in the page. */
declare const axe: {
  run(
    context: unknown,
    options: object,
  ): Promise<{
    violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
  }>;
};

/**
 * Runs axe on `context` (the whole document by default; `fromShadowDom` reaches into a shadow root) and
 * returns the violations of serious or critical impact.
 */
async function seriousViolations(page: Page, context: unknown = null): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (ctx) => {
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, context);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility (axe-core)', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;
  const articlePath = seedExists ? '/seed.html' : '/article.html';

  beforeAll(async () => {
    server = await startStaticServer({
      root: DEMO_DIR,
      routes: { '/seed.html': () => (seedExists ? buildSeedPage() : undefined) },
    });
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`${server.url}${articlePath}`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation in the popup with its brief (${scheme})`, async () => {
      const popup = await openPopupFor(ext.context, ext.extensionId, page, {
        viewport: { width: 400, height: 600 },
      });
      try {
        await popup.emulateMedia({ colorScheme: scheme });
        await expect
          .poll(() => popup.locator('[data-testid="people"] button.jump').count())
          .toBeGreaterThan(0);
        await expect.poll(() => popup.locator('[data-testid="db-status"]').count()).toBe(1);
        expect(await seriousViolations(popup)).toEqual([]);
      } finally {
        await popup.close();
      }
    });

    it(`finds no serious or critical violation on the options page (${scheme})`, async () => {
      const options = await ext.context.newPage();
      try {
        await options.emulateMedia({ colorScheme: scheme });
        await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
        await options.locator('[data-testid="reader-settings"]').waitFor();
        expect(await seriousViolations(options)).toEqual([]);
      } finally {
        await options.close();
      }
    });

    it(`finds no serious or critical violation in an open card and its mark (${scheme})`, async () => {
      await page.bringToFront();
      await page.emulateMedia({ colorScheme: scheme });
      for (const kind of ['person', 'figure']) {
        const mark = page.locator(`article [data-backstory="${kind}"]`).first();
        await mark.focus();
        const card = cardLocator(page);
        await expect.poll(() => card.getAttribute('data-kind')).toBe(kind === 'person' ? 'person' : 'figure');
        await expect.poll(() => card.isVisible()).toBe(true);
        // Colours are checked once the card's fade-in has ended (mid-fade they are not the card's colours).
        await card.evaluate((el) =>
          Promise.all(el.getAnimations().map((a) => a.finished)).then(() => undefined),
        );
        const violations = await seriousViolations(page, {
          include: [{ fromShadowDom: ['backstory-card', '.bs-card'] }, 'article [data-backstory]'],
        });
        expect(violations, kind).toEqual([]);
        await page.keyboard.press('Escape');
      }
    });
  }
});
