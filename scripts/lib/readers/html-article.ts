/**
 * Reader for news articles as HTML (a saved file, or a URL the user lists): the paragraphs of the body and
 * the date, publisher and URL the page declares. Statements are made from it by statements.ts, exactly as
 * for the seed article. A page that declares no publication date gives no statements: a quote is never
 * given a date the page does not state.
 */
import { basename } from 'node:path';
import type { PackSourceInfo } from '../../../core/model';
import type { Article } from '../read-seed';
import { articleMeta } from './html-meta';
import { htmlParagraphs } from './html-paragraphs';

export const ARTICLE_LICENCE = 'Quotation with attribution (publisher copyright)';

export interface ArticleOrigin {
  /** The file it was read from, for messages and, without a URL, for `Source.dataset`. */
  file?: string;
  /** The URL it was fetched from; the page's own canonical URL wins. */
  url?: string;
}

export type ArticleResult =
  | { ok: true; article: Article & { title?: string }; source: PackSourceInfo }
  | { ok: false; problem: string };

function hostOf(url: string | undefined): string | undefined {
  return url ? new URL(url).hostname : undefined;
}

export function readHtmlArticle(html: string, origin: ArticleOrigin): ArticleResult {
  const where = origin.url ?? origin.file ?? 'article';
  const meta = articleMeta(html);
  const url = meta.url ?? origin.url;
  if (!meta.date) return { ok: false, problem: `${where}: the page declares no publication date` };
  const paragraphs = htmlParagraphs(html);
  if (paragraphs.length === 0) return { ok: false, problem: `${where}: no paragraphs found` };
  const publisher = meta.publisher ?? hostOf(url);
  if (!publisher) return { ok: false, problem: `${where}: neither a publisher nor a URL` };
  const title = meta.title ? ` "${meta.title}"` : '';
  return {
    ok: true,
    article: {
      publisher,
      dataset: url ? undefined : `article ${basename(origin.file ?? where)}`,
      url,
      date: meta.date,
      paragraphs,
      title: meta.title,
    },
    source: {
      name: `${publisher}${title}, ${meta.date}: attributed quotations`,
      url,
      licence: ARTICLE_LICENCE,
      attribution: `Quotations © ${publisher}, quoted with attribution.`,
    },
  };
}
