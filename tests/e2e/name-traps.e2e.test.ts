/**
 * People detection on an invented article full of traps (tests/fixtures/name-traps.html): what the built
 * extension marks as a person, paragraph by paragraph, and what it must leave alone.
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

describe('name traps', () => {
  let ext: LaunchedExtension;
  let fixtures: StaticServer;
  let page: Page;

  beforeAll(async () => {
    fixtures = await startStaticServer({ root: FIXTURES_DIR });
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(`${fixtures.url}/name-traps.html`);
    await waitForReady(page);
  });

  afterAll(async () => {
    await page?.close();
    await ext?.close();
    await fixtures?.close();
  });

  /** The person marks inside `scope`, as a reader sees their text (soft hyphens are invisible). */
  async function people(scope: string): Promise<string[]> {
    return (await readMarks(page, scope))
      .filter((m) => m.kind === 'person')
      .map((m) => m.text.replace(/\u00AD/g, ''));
  }

  it('marks no person in a headline of sentence-initial Will, the Bill and Mark', async () => {
    expect(await people('#headline')).toEqual([]);
  });

  it('marks both names of an ALL-CAPS byline, and not the BY', async () => {
    expect(await people('#credit-line')).toEqual(['JANE DOE', 'PETRA LINDQVIST']);
  });

  it('cuts a name from a date glued to it by adjacent elements', async () => {
    expect(await people('#stamp')).toEqual(['Maria Okonjo']);
  });

  it('cuts a name from a police force glued to it in a caption, and reads a glued credit', async () => {
    expect(await people('#caption')).toEqual(['Marta Quinlan', 'Tomas Weber']);
  });

  it('marks an ALL-CAPS photographer before an agency', async () => {
    expect(await people('#caps-credit')).toEqual(['OSKAR BRANDT']);
  });

  it('marks a titled name without its possessive, a name used as a modifier, and an honorific form', async () => {
    expect(await people('#p-lead')).toEqual(['President Amara Okafor', 'Okafor', 'Ms Okafor']);
  });

  it('tells Bill the person from the Bill, and does not take Will, Mark or Rose for names', async () => {
    expect(await people('#p-bill')).toEqual(['Bill Shorten-Hayes']);
  });

  it('keeps names whole across soft hyphens and non-breaking spaces', async () => {
    expect(await people('#p-invisible')).toEqual(['Foreign Minister Olena Kovalenko', 'Ms Kovalenko']);
  });

  it('reads particle surnames: von der, bin and al-', async () => {
    expect(await people('#p-particles')).toEqual([
      'Ursula von der Brink',
      'Khalid bin Rashed',
      'Omar Hassan al-Nouri',
    ]);
  });

  it('does not take a group with al- or a place with el- for a person', async () => {
    expect(await people('#p-group')).toEqual([]);
  });

  it('reads initials', async () => {
    expect(await people('#p-initials')).toEqual(['John F. Kellerman', 'J.K. Rowlands']);
  });

  it('puts honorifics and titles in the span', async () => {
    expect(await people('#p-titles')).toEqual([
      'Dr. Ngozi Adeyemi',
      'Sir Alan Pryce',
      'Dame Helen Marsh',
      'Lord Fenwick',
      'Senator Clara Voss',
      'Prime Minister Ilkka Rantanen',
    ]);
  });

  it('does not take eponymous institutions or a priced product for people', async () => {
    expect(await people('#p-eponym')).toEqual([]);
  });

  it('confirms a full name when its surname speaks', async () => {
    expect(await people('#p-short')).toEqual(['Ajmal Rostami', 'Rostami']);
  });

  it('reads Will as a first name when the sentence goes on as after a person', async () => {
    expect(await people('#p-will')).toEqual(['Will Smith-Hughes']);
  });

  it('marks a name the page split over inline elements as one mark, keeping the page’s elements', async () => {
    expect(await people('#p-split')).toEqual(["Adaeze Nwok'o"]);
    expect(await page.locator('#p-split strong').count()).toBe(2);
  });

  it('never marks social handles or hashtags', async () => {
    expect(await people('#p-handles')).toEqual([]);
  });
});
