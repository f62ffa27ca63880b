/**
 * After a page pass, sends the article's attributed quotes whose speaker is a person in the database to
 * the background, which stores them as that person's statements "from your reading". Nothing is sent when
 * the user turned capture off, in a private window, or when the page has no such quote; the message goes
 * to the extension's own background only, never over the network.
 */
import browser from 'webextension-polyfill';
import { publisherOf } from '../../core/user-data/captured-quote';
import { sendToBackground } from '../../messaging/channel';
import type { QuoteCapture } from '../../messaging/protocol';
import { captureEnabledItem } from '../../settings/capture-settings';
import type { PassResult } from './page-pass';

/** The known people's quotes of one pass, one entry per speaker and text. */
function quotesOf(result: PassResult): QuoteCapture['quotes'] {
  const quotes = new Map<string, QuoteCapture['quotes'][number]>();
  for (const model of result.models) {
    if (model.type !== 'entity') continue;
    const entity = model.props.context?.entity;
    if (entity?.kind !== 'person') continue;
    for (const text of model.props.articleSays.quotes) {
      quotes.set(`${entity.id}\n${text}`, { speakerId: entity.id, speakerName: entity.name, text });
    }
  }
  return [...quotes.values()];
}

/** Sends the pass's quotes for capture; resolves with those sent (none when capture is off). */
async function capture(result: PassResult, doc: Document): Promise<QuoteCapture['quotes']> {
  if (browser.extension.inIncognitoContext) return [];
  const quotes = quotesOf(result);
  if (quotes.length === 0 || !(await captureEnabledItem.getValue())) return [];
  const siteName = doc.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
  const { url, title, articleDate } = result.summary;
  await sendToBackground('captureQuotes', {
    url,
    title: title.trim() || doc.location.hostname,
    publisher: publisherOf(siteName, new URL(url).hostname),
    articleDate,
    quotes,
  });
  return quotes;
}

/**
 * Captures the pass's quotes; a failure is logged and never disturbs the page. Resolves with the quotes
 * sent, which the popup brief lists (none after a failure).
 */
export function captureReadQuotes(result: PassResult, doc: Document): Promise<QuoteCapture['quotes']> {
  return capture(result, doc).catch((error: unknown) => {
    console.error('[backstory] capturing quotes failed', error);
    return [];
  });
}
