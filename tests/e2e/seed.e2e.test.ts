/**
 * The seed article (built at test time from ../shared/seed, never committed) against its gold
 * annotations: people and figures marked, nothing else marked as a person, and the person card by hover
 * and by keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardLocator,
  type LaunchedExtension,
  launchExtension,
  type MarkInfo,
  REPO_ROOT,
  readMarks,
  waitForReady,
} from './support/extension';
import { buildSeedPage, loadSeedGold, type SeedGold, seedExists } from './support/seed-page';
import { type StaticServer, startStaticServer } from './support/static-server';

/** Names and aliases of the people in the shipped starter pack. */
function starterPackPeople(): Set<string> {
  const names = new Set<string>();
  const path = join(REPO_ROOT, 'public', 'packs', 'starter', 'records.ndjson');
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { type?: string; kind?: string; name?: string };
    if (record.type !== 'entity' || record.kind !== 'person' || !record.name) continue;
    names.add(record.name);
  }
  return names;
}

/** "Prime Minister Sir Keir Starmer" → "Keir Starmer", "Sir Keir" → "Keir", "Mr Lavrov" → "Lavrov". */
function bareName(mention: string, fullName: string): string {
  const nameWords = new Set(fullName.split(/\s+/));
  const words = mention.split(/\s+/);
  let start = words.length;
  while (start > 0 && nameWords.has(words[start - 1] ?? '')) start -= 1;
  return words.slice(start).join(' ') || mention;
}

/** Mark text without a trailing possessive, which is not part of a mention. */
function markText(mark: MarkInfo): string {
  return mark.text.replace(/['’]s$/, '');
}

/** True when a figure mark stands for the gold figure text (a mark may leave off "of GDP"). */
function figureMatches(mark: string, gold: string): boolean {
  if (mark === gold) return true;
  const digits = (s: string) => s.replace(/\D/g, '');
  if (gold.startsWith(mark) && /\d/.test(mark) && digits(mark) === digits(gold)) return true;
  const escaped = gold.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w/.,])${escaped}($|[^\\w/%])`).test(mark);
}

describe.skipIf(!seedExists)('seed article (The Independent, 26 Feb 2025)', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;
  let page: Page;
  let gold: SeedGold;
  let marks: MarkInfo[];

  beforeAll(async () => {
    gold = loadSeedGold();
    server = await startStaticServer({ routes: { '/seed.html': buildSeedPage() } });
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`${server.url}/seed.html`);
    await waitForReady(page);
    marks = await readMarks(page, 'article');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('marks every gold person, with a database id for the people in the starter pack', () => {
    const inPack = starterPackPeople();
    const people = marks.filter((m) => m.kind === 'person');
    for (const person of gold.people) {
      const ids = new Set<string | null>();
      for (const mention of person.mentions) {
        const bare = bareName(mention, person.name);
        const found = people.filter((m) => markText(m).includes(bare));
        expect(found.length, `no person mark for "${mention}" (looked for "${bare}")`).toBeGreaterThan(0);
        for (const m of found) ids.add(m.id);
      }
      if (inPack.has(person.name)) {
        for (const id of ids) expect(id, person.name).not.toMatch(/^unknown:/);
        // Every form of the name ("Sir Keir", "Prime Minister Sir Keir Starmer") is the same person.
        expect([...ids], `${person.name}: one id for all forms`).toHaveLength(1);
      }
    }
  });

  it('marks each gold figure as many times as it occurs', () => {
    const figures = marks.filter((m) => m.kind === 'figure');
    for (const figure of gold.figures) {
      const found = figures.filter((m) => figureMatches(m.text, figure.text));
      expect(found.length, `${figure.text} in ${JSON.stringify(figures.map((f) => f.text))}`).toBe(
        figure.occurrences ?? 1,
      );
      if (figure.kind === 'money' && figure.unit && figure.value !== null) {
        for (const m of found) expect(m.id).toBe(`money:${figure.unit}:${figure.value}`);
      }
    }
  });

  it('marks nothing as a person that is not a gold person mention', () => {
    const forms = [
      ...gold.people.flatMap((p) => p.mentions),
      // Role phrases ("the Prime Minister") refer to gold people, so marking them as persons is allowed.
      ...gold.role_phrases.map((r) => r.text),
    ];
    const stray = marks
      .filter((m) => m.kind === 'person')
      .map(markText)
      .map((text) => text.toLowerCase())
      .filter((text) => !forms.some((f) => f.toLowerCase().includes(text) || text.includes(f.toLowerCase())));
    expect(stray).toEqual([]);
  });

  it('marks nothing in the donation box (page chrome)', async () => {
    expect(await readMarks(page, 'aside')).toEqual([]);
  });

  it('opens the person card on hovering "Sir Keir": role on the date, statements with dates and sources', async () => {
    const sirKeir = page
      .locator('article [data-backstory="person"]')
      .filter({ hasText: /^(Sir )?Keir(['’]s)?$/ });
    await sirKeir.first().scrollIntoViewIfNeeded();
    await sirKeir.first().hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('data-kind')).toBe('person');
    expect(await card.locator('[data-testid="card-name"]').textContent()).toContain('Keir Starmer');
    expect(await card.locator('[data-testid="card-role"]').textContent()).toContain('Prime Minister');

    const statements = card.locator('[data-testid="statement"]');
    expect(await statements.count()).toBeGreaterThan(0);
    for (const statement of await statements.all()) {
      expect(await statement.locator('time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const source = statement.locator('[data-testid="statement-source"]').first();
      const href = await source.evaluate((el) => (el instanceof HTMLAnchorElement ? el.href : null));
      if (href !== null) expect(href).toMatch(/^https?:\/\//);
      else expect((await source.textContent())?.trim()).toBeTruthy();
    }

    // Mouse-out: the card closes after its grace period.
    await page.mouse.move(2, 2);
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(0);
  });

  it('opens a card when Tab reaches a person mark, and Escape closes it with focus kept on the mark', async () => {
    await page.mouse.move(2, 2);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    let focusedKind: string | null = null;
    for (let i = 0; i < 200 && focusedKind !== 'person'; i++) {
      await page.keyboard.press('Tab');
      focusedKind = await page.evaluate(() => document.activeElement?.getAttribute('data-backstory') ?? null);
    }
    expect(focusedKind).toBe('person');
    const focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-backstory-id'));

    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(['person', 'unknown']).toContain(await card.getAttribute('data-kind'));

    await page.keyboard.press('Escape');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(0);
    const stillFocused = await page.evaluate(() => ({
      kind: document.activeElement?.getAttribute('data-backstory'),
      id: document.activeElement?.getAttribute('data-backstory-id'),
    }));
    expect(stillFocused).toEqual({ kind: 'person', id: focusedId });
  });

  it('resolves role phrases to who held the office on the article’s date', () => {
    const idOf = (text: string) =>
      marks.find((m) => m.kind === 'person' && m.via !== 'role' && m.text === text)?.id;
    const byRole = (text: string) => marks.filter((m) => m.via === 'role' && m.text.toLowerCase() === text);
    const starmer = idOf('Sir Keir');
    const trump = idOf('Mr Trump');
    expect(starmer).toMatch(/^Q\d+$/);
    expect(trump).toMatch(/^Q\d+$/);
    expect(byRole('the prime minister').map((m) => m.id)).toContain(starmer);
    for (const phrase of ['the us president', 'the us leader', 'the president']) {
      const found = byRole(phrase);
      expect(found.length, phrase).toBeGreaterThan(0);
      for (const m of found) expect(m.id, phrase).toBe(trump);
    }
  });

  it('opens the office holder’s card from "the Prime Minister", saying which office the words name', async () => {
    const phrase = page
      .locator('article [data-backstory-via="role"]')
      .filter({ hasText: /^the Prime Minister$/ });
    await phrase.first().scrollIntoViewIfNeeded();
    await phrase.first().hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    expect(await card.locator('[data-testid="card-name"]').textContent()).toContain('Keir Starmer');
    expect(await card.locator('[data-testid="card-role-reference"]').textContent()).toContain(
      'the Prime Minister',
    );
    expect(await card.locator('[data-testid="card-role"]').textContent()).toContain('Prime Minister');
    await page.mouse.move(2, 2);
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(0);
  });

  it('flags "Russia defence minister Sergey Lavrov" and shows what the database says, with its source', async () => {
    const flagged = marks.filter((m) => m.conflict);
    expect(flagged.map((m) => m.text)).toEqual(['Sergey Lavrov']);
    expect(flagged[0]?.ariaLabel).toMatch(/differs/);
    const lavrov = page.locator('article [data-backstory-conflict]');
    await lavrov.scrollIntoViewIfNeeded();
    await lavrov.hover();
    const card = cardLocator(page);
    await expect.poll(() => card.isVisible(), { timeout: 5000 }).toBe(true);
    const conflict = card.locator('[data-testid="card-conflict"]');
    expect(await conflict.textContent()).toContain('Russia defence minister');
    expect(await conflict.textContent()).toContain('Foreign Affairs');
    expect((await conflict.locator('.bs-role-source').textContent())?.trim()).toBeTruthy();
    await page.mouse.move(2, 2);
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(0);
  });

  it('makes no request outside 127.0.0.1', () => {
    expect(ext.blockedRequests).toEqual([]);
  });
});
