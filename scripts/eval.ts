/**
 * `npm run eval -- [dir…]`: runs the built extension in Chromium over evaluation pages and prints
 * per-page and total precision and recall for people and figures, counted as distinct surface forms
 * (see ../shared/corpus/README.md). Every mark the extension writes on the page counts, so marks in
 * navigation or footers count against precision.
 *
 * With no arguments it reads ../shared/corpus and ../shared/seed (BACKSTORY_SHARED overrides ../shared).
 * Flags: extra and missed forms are always listed, `--verbose` adds the correct ones; `--json FILE` writes the scores.
 * It reports and exits 0; it exits 1 only when a page or the browser crashes.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, REPO_ROOT } from '../tests/e2e/support/extension';
import { startStaticServer } from '../tests/e2e/support/static-server';
import { findPages } from './lib/eval/corpus';
import { type PageMark, type PageScore, percent, scorePage, totals } from './lib/eval/score';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonAt = args.indexOf('--json');
const jsonPath = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const dirs = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const shared = resolve(process.env.BACKSTORY_SHARED ?? join(REPO_ROOT, '..', 'shared'));
const roots = dirs.length ? dirs.map((d) => resolve(d)) : [join(shared, 'corpus'), join(shared, 'seed')];

async function readMarks(page: Page): Promise<PageMark[]> {
  return page.$$eval('span[data-backstory][data-backstory-id]', (els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-backstory') ?? '',
      text: el.textContent ?? '',
      via: el.getAttribute('data-backstory-via') ?? '',
      label: el.getAttribute('aria-label') ?? '',
      conflict: el.hasAttribute('data-backstory-conflict'),
    })),
  );
}

const pad = (s: string, n: number) => s.padEnd(n);
const cell = (correct: number, predicted: number, gold: number) =>
  `${percent(correct, predicted).padStart(6)} ${percent(correct, gold).padStart(6)} ${`(${correct}/${predicted}, ${correct}/${gold})`.padEnd(16)}`;

async function main(): Promise<number> {
  const pages = findPages(roots);
  if (pages.length === 0) {
    console.log(`No evaluation pages under ${roots.join(', ')}; nothing to measure.`);
    return 0;
  }
  const routes: Record<string, string> = {};
  for (const p of pages) routes[`/${p.name}/`] = p.html;
  const server = await startStaticServer({ routes });
  const browser = await launchExtension();
  const scores: { name: string; score: PageScore }[] = [];
  let crashed = false;
  try {
    console.log(
      `${pad('page', 14)} ${'people P'.padStart(6)}      R                  ${'figures P'.padStart(6)}     R`,
    );
    for (const evalPage of pages) {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${server.url}/${evalPage.name}/`, { waitUntil: 'domcontentloaded' });
        const state = await page
          .waitForSelector('html[data-backstory-state="ready"], html[data-backstory-state="error"]', {
            state: 'attached',
            timeout: 60_000,
          })
          .then(() => page.getAttribute('html', 'data-backstory-state'));
        if (state !== 'ready') throw new Error(`content script state: ${state}`);
        const score = scorePage(await readMarks(page), evalPage.gold);
        scores.push({ name: evalPage.name, score });
        const { people: pe, figures: fi } = score;
        console.log(
          `${pad(evalPage.name, 14)} ${cell(pe.correct.length, pe.predicted, pe.gold)} ${cell(fi.correct.length, fi.predicted, fi.gold)}`,
        );
        for (const [label, s] of [
          ['people', pe],
          ['figures', fi],
        ] as const) {
          if (verbose)
            console.log(`    ${label} correct: ${s.correct.map((t) => JSON.stringify(t)).join(', ')}`);
          if (s.extra.length)
            console.log(`    ${label} extra:  ${s.extra.map((t) => JSON.stringify(t)).join(', ')}`);
          if (s.missed.length)
            console.log(`    ${label} missed: ${s.missed.map((t) => JSON.stringify(t)).join(', ')}`);
        }
        for (const r of score.rolePhrases)
          console.log(
            `    role phrase ${JSON.stringify(r.text)} → ${r.refersTo}: ${r.resolved ? 'resolved' : 'NOT resolved'}`,
          );
        for (const c of score.roleConflicts)
          console.log(
            `    role conflict ${JSON.stringify(c.mention)}: ${c.marked ? 'marked' : 'NOT marked'}`,
          );
      } catch (error) {
        crashed = true;
        console.log(`${pad(evalPage.name, 14)} CRASH ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const people = totals(scores.map((s) => s.score.people));
  const figures = totals(scores.map((s) => s.score.figures));
  console.log(
    `${pad('TOTAL', 14)} ${cell(people.correct, people.predicted, people.gold)} ${cell(figures.correct, figures.predicted, figures.gold)}`,
  );
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify({ pages: scores, people, figures }, null, 2)}\n`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
