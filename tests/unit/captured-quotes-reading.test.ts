import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PackManifest, PackRecord, Statement } from '../../core/model';
import { articleUrl, mergeReadingStatements, publisherOf } from '../../core/user-data/captured-quote';
import { userDataHandlers } from '../../entrypoints/background/user-data';
import type { QuoteCapture } from '../../messaging/protocol';
import { captureEnabledItem } from '../../settings/capture-settings';
import { listCapturedQuotes, saveCapturedQuotes } from '../../storage/captured-quotes';
import { BackstoryDB } from '../../storage/db';
import { lookupKeys } from '../../storage/lookup';
import { importPack } from '../../storage/pack-import';
import { withUserData } from '../../storage/user-data';

const source = { url: 'https://www.wikidata.org/wiki/Q6383803' };
const SPEAKER = 'Q6383803';
const PAGE_A = 'https://news.example.org/politics/a';
const PAGE_B = 'https://other.example.com/b';

const manifest: PackManifest = {
  formatVersion: 2,
  id: 'starter',
  version: '2026.01',
  created: '2026-01-01',
  title: 'Starter',
  sources: [{ name: 'fixture', licence: 'CC0-1.0' }],
  files: [],
};
const records: PackRecord[] = [
  {
    type: 'entity',
    id: SPEAKER,
    kind: 'person',
    name: 'Keir Starmer',
    aliases: ['Starmer'],
    roles: [],
    sources: [source],
  },
  {
    type: 'statement',
    id: 's1',
    speakerId: SPEAKER,
    quote: 'Pack words one.',
    date: '2024-01-01',
    source,
    topics: [],
  },
  {
    type: 'statement',
    id: 's2',
    speakerId: SPEAKER,
    quote: 'Pack words two.',
    date: '2024-06-01',
    source,
    topics: [],
  },
];

function capture(url: string, texts: string[], articleDate: string | null = '2025-02-26'): QuoteCapture {
  return {
    url,
    title: 'An article',
    publisher: 'Example News',
    articleDate,
    quotes: texts.map((text) => ({ speakerId: SPEAKER, speakerName: 'Keir Starmer', text })),
  };
}

const names: string[] = [];
let db: BackstoryDB;
beforeEach(async () => {
  fakeBrowser.reset();
  const name = `captured-${Math.random()}`;
  names.push(name);
  db = new BackstoryDB(name);
  await db.open();
  await importPack(db, manifest, records);
});
afterEach(async () => {
  db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function starmerOn(pageUrl: string) {
  const found = await lookupKeys(db, ['starmer'], '2025-03-01');
  return (await withUserData(db, found.entities, pageUrl))[SPEAKER];
}

describe('quotes captured from reading', () => {
  it('stores one row per speaker, text and URL, however often the page is read', async () => {
    expect(await saveCapturedQuotes(db, capture(PAGE_A, ['Read words.', 'Read words.']))).toBe(1);
    expect(await saveCapturedQuotes(db, capture(`${PAGE_A}#comments`, ['Read words.']))).toBe(0);
    // The same words at another address are another report of them, with their own source.
    expect(await saveCapturedQuotes(db, capture(PAGE_B, ['Read words.']))).toBe(1);
    const rows = await listCapturedQuotes(db);
    expect(rows.map((r) => r.url).sort()).toEqual([PAGE_A, PAGE_B].sort());
    expect(rows[0]).toMatchObject({ speakerId: SPEAKER, speakerName: 'Keir Starmer', date: '2025-02-26' });
  });

  it('shows a captured quote on another page as a statement from your reading, newest first', async () => {
    await saveCapturedQuotes(db, capture(PAGE_A, ['Read words.']));
    const context = await starmerOn(PAGE_B);
    expect(context?.statementCount).toBe(3);
    expect(context?.statements.map((s) => s.quote)).toEqual([
      'Read words.',
      'Pack words two.',
      'Pack words one.',
    ]);
    expect(context?.statements[0]).toMatchObject({
      origin: 'reading',
      date: '2025-02-26',
      source: { url: PAGE_A, publisher: 'Example News' },
      capturedFrom: { url: PAGE_A, publisher: 'Example News', title: 'An article' },
    });
  });

  it('never shows a quote as prior on the page it was captured from', async () => {
    await saveCapturedQuotes(db, capture(PAGE_A, ['Read words.']));
    const context = await starmerOn(`${PAGE_A}#top`);
    expect(context?.statements.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(context?.statementCount).toBe(2);
  });

  it('dates an undated article by the day it was read', async () => {
    await saveCapturedQuotes(db, capture(PAGE_A, ['Read words.'], null), new Date('2026-03-04T12:00:00Z'));
    expect((await listCapturedQuotes(db))[0]?.date).toBe('2026-03-04');
  });

  it('stores nothing when capture is switched off, and deletes on request', async () => {
    const handlers = userDataHandlers(db);
    await captureEnabledItem.setValue(false);
    expect(await handlers.captureQuotes(capture(PAGE_A, ['Read words.']))).toEqual({ stored: 0 });
    expect(await handlers.listCapturedQuotes(null)).toEqual([]);

    await captureEnabledItem.setValue(true);
    expect(await handlers.captureQuotes(capture(PAGE_A, ['Read words.']))).toEqual({ stored: 1 });
    const [row] = await handlers.listCapturedQuotes(null);
    await handlers.deleteCapturedQuote({ id: row?.id ?? '' });
    expect(await handlers.listCapturedQuotes(null)).toEqual([]);
    expect((await starmerOn(PAGE_B))?.statementCount).toBe(2);
  });

  it('is on by default', async () => {
    expect(await captureEnabledItem.getValue()).toBe(true);
  });
});

describe('merging captured quotes into statements', () => {
  const statement = (id: string, date: string, origin?: 'reading'): Statement => ({
    id,
    speakerId: SPEAKER,
    quote: `words ${id}`,
    date,
    source,
    topics: [],
    ...(origin ? { origin } : {}),
  });

  it('keeps as many as the lookup sent when it sent only the newest', () => {
    const merged = mergeReadingStatements([statement('a', '2024-03-01'), statement('b', '2024-02-01')], 5, [
      statement('r', '2024-02-15', 'reading'),
    ]);
    expect(merged.statements.map((s) => s.id)).toEqual(['a', 'r']);
    expect(merged.statementCount).toBe(6);
  });

  it('keeps them all when the lookup sent them all, and drops a quote the pack has from the same address', () => {
    const pack = [statement('a', '2024-03-01')];
    const again = { ...statement('r', '2025-01-01', 'reading'), quote: 'words a' };
    const merged = mergeReadingStatements(pack, 1, [statement('r2', '2025-01-01', 'reading'), again]);
    expect(merged.statements.map((s) => s.id)).toEqual(['r2', 'a']);
    expect(merged.statementCount).toBe(2);
  });

  it('keeps the same words read at another address, as their own source', () => {
    const pack = [{ ...statement('a', '2024-03-01'), source: { dataset: 'seed', record: 'paragraph 20' } }];
    const read = { ...statement('r', '2024-03-01', 'reading'), quote: 'words a' };
    expect(mergeReadingStatements(pack, 1, [read]).statements.map((s) => s.id)).toEqual(['a', 'r']);
  });
});

describe('article identity', () => {
  it('drops the fragment and refuses non-web pages', () => {
    expect(articleUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1');
    expect(articleUrl('file:///tmp/a.html')).toBeNull();
  });

  it('names the publisher by og:site_name, else by host', () => {
    expect(publisherOf('  The Independent ', 'www.independent.co.uk')).toBe('The Independent');
    expect(publisherOf(undefined, 'www.independent.co.uk')).toBe('independent.co.uk');
  });
});
