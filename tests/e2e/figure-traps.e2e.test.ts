/**
 * Figure detection on an invented article full of traps (tests/fixtures/figure-traps.html): what the
 * built extension marks as a figure, paragraph by paragraph, and which boxes inside the article it
 * leaves alone (newsletter sign-up, player controls, a link teaser, a comment count).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES_DIR,
  type LaunchedExtension,
  launchExtension,
  readMarks,
  waitForReady,
} from './support/extension';
import { type StaticServer, startStaticServer } from './support/static-server';

describe('figure traps', () => {
  let ext: LaunchedExtension;
  let fixtures: StaticServer;
  let page: Page;

  beforeAll(async () => {
    fixtures = await startStaticServer({ root: FIXTURES_DIR });
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`${fixtures.url}/figure-traps.html`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await page?.close();
    await ext?.close();
    await fixtures?.close();
  });

  /** The figure marks inside `scope`, as a reader sees their text. */
  async function figures(scope: string): Promise<string[]> {
    return (await readMarks(page, scope)).filter((m) => m.kind === 'figure').map((m) => m.text);
  }

  it('marks two dates in adjacent <time> elements apart, each inside its own element', async () => {
    expect(await figures('#stamp')).toEqual(['Nov, 29, 2016', '30 Nov, 2016']);
    expect(await figures('#stamp time:first-child')).toEqual(['Nov, 29, 2016']);
  });

  it('marks a byline date but not the comment count glued to it', async () => {
    expect(await figures('#meta')).toEqual(['3 May 2019']);
  });

  it('marks spelled-out amounts', async () => {
    expect(await figures('#p-words')).toEqual([
      'Tens of thousands',
      'nine months',
      'half a percentage point',
    ]);
  });

  it('marks each end of a range written twice and a compact percent range once', async () => {
    expect(await figures('#p-ranges')).toEqual(['$5 million', '$7 million', '10-12%']);
  });

  it('leaves qualifiers such as "about", "nearly" and "more than" outside the mark', async () => {
    expect(await figures('#p-approx')).toEqual(['200 people', '$3 billion', '40%']);
  });

  it('takes the unit or counted noun after the number into the mark', async () => {
    expect(await figures('#p-units')).toEqual(['190 kilometers', '19 people']);
  });

  it('tells a year from a count', async () => {
    expect(await figures('#p-years')).toEqual(['2016', '2,016 people']);
  });

  it('marks times of day', async () => {
    expect(await figures('#p-times')).toEqual(['10:30 am', '9 pm']);
  });

  it('reads a count and its noun across a line break in the page source', async () => {
    expect(await figures('#p-spaces')).toEqual(['6,000 white glass beads']);
  });

  it('marks no version, model, product, identifier or phone number', async () => {
    expect(await figures('#p-not')).toEqual([]);
  });

  it('marks figures in a photo caption inside the article', async () => {
    expect(await figures('#caption')).toEqual(['300 people']);
  });

  it('marks nothing in a newsletter box or a video player inside the article', async () => {
    expect(await readMarks(page, '#newsletter')).toEqual([]);
    expect(await readMarks(page, '#player')).toEqual([]);
  });

  it('marks nothing in a paragraph that is only a link or a "Related:" link', async () => {
    expect(await readMarks(page, '#teaser')).toEqual([]);
    expect(await readMarks(page, '#related')).toEqual([]);
  });
});
