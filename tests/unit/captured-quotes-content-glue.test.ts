import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CardModel } from '../../entrypoints/article.content/card-controller';
import type { PassResult } from '../../entrypoints/article.content/page-pass';
import { captureReadQuotes } from '../../entrypoints/article.content/quote-capture';
import { sendToBackground } from '../../messaging/channel';
import { captureEnabledItem } from '../../settings/capture-settings';

vi.mock('../../messaging/channel', () => ({ sendToBackground: vi.fn(async () => ({ stored: 1 })) }));

const source = { url: 'https://www.wikidata.org/wiki/Q6383803' };

function entityModel(id: string | null, kind: 'person' | 'organization', quotes: string[]): CardModel {
  const entity = id ? { id, kind, name: `Name ${id}`, aliases: [], roles: [], sources: [source] } : null;
  return {
    type: 'entity',
    label: id ?? 'unknown',
    props: {
      kind,
      name: `Name ${id}`,
      context: entity
        ? { entity, roleOnDate: null, resolvedFor: '2025-02-26', statements: [], statementCount: 0 }
        : null,
      articleDate: '2025-02-26',
      articleSays: { descriptions: [], quotes },
    },
  };
}

function pass(models: CardModel[]): PassResult {
  return {
    models,
    markToModel: new Map(),
    summary: {
      url: 'https://news.example.org/a#top',
      title: 'An article',
      articleDate: '2025-02-26',
      entities: [],
      figures: [],
      statements: [],
      conflicts: [],
    },
  };
}

const page = (head: string) =>
  parseHTML(`<!doctype html><html><head>${head}</head><body></body></html>`).document;
const send = vi.mocked(sendToBackground);
const incognito = (value: boolean) =>
  Object.defineProperty(fakeBrowser.extension, 'inIncognitoContext', { value, configurable: true });

beforeEach(() => {
  fakeBrowser.reset();
  send.mockClear();
  incognito(false);
});
afterEach(() => incognito(false));

describe('capturing a page’s quotes from the content script', () => {
  const models = [
    entityModel('Q1', 'person', ['Words one.', 'Words one.', 'Words two.']),
    entityModel('Q2', 'organization', ['Organisation words.']),
    entityModel(null, 'person', ['Unknown speaker words.']),
  ];

  it('sends the known people’s quotes once each, with the publisher the page names', async () => {
    await captureReadQuotes(pass(models), page('<meta property="og:site_name" content="Example News">'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('captureQuotes', {
      url: 'https://news.example.org/a#top',
      title: 'An article',
      publisher: 'Example News',
      articleDate: '2025-02-26',
      quotes: [
        { speakerId: 'Q1', speakerName: 'Name Q1', text: 'Words one.' },
        { speakerId: 'Q1', speakerName: 'Name Q1', text: 'Words two.' },
      ],
    });
  });

  it('names the publisher by host when the page does not', async () => {
    await captureReadQuotes(pass(models), page(''));
    expect(send.mock.calls[0]?.[1]).toMatchObject({ publisher: 'news.example.org' });
  });

  it('sends nothing when capture is switched off', async () => {
    await captureEnabledItem.setValue(false);
    await captureReadQuotes(pass(models), page(''));
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing from a private window', async () => {
    incognito(true);
    await captureReadQuotes(pass(models), page(''));
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing when no known person is quoted', async () => {
    await captureReadQuotes(pass([entityModel('Q1', 'person', [])]), page(''));
    expect(send).not.toHaveBeenCalled();
  });
});
