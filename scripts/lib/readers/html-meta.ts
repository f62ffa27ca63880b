/**
 * An article page's date, publisher and URL, from what the publisher declares: JSON-LD (NewsArticle and
 * its kin), then meta tags (Open Graph, article:*, Dublin Core, Parse.ly) and the canonical link. Nothing is
 * inferred from the text or the URL path: a page that declares no date has none.
 */
import { decodeEntities } from './html-entities';
import { firstObject, httpUrl, isoDay, type JsonObject, jsonLdBlocks, nodesOfType, text } from './jsonld';

export interface ArticleMeta {
  date?: string;
  publisher?: string;
  url?: string;
  title?: string;
}

const ARTICLE_TYPES = [
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BlogPosting',
];

/** Meta names and properties that carry a publication date, most specific first. */
const DATE_KEYS = [
  'article:published_time',
  'article:published',
  'og:article:published_time',
  'datepublished',
  'dc.date.issued',
  'parsely-pub-date',
  'date',
];

const ATTR = /([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR))
    out[(m[1] ?? '').toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** Meta tag values keyed by lower-case `property`, `name` or `itemprop`; the first of each key wins. */
function metaTags(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const content = a.content?.trim();
    if (!content) continue;
    for (const key of [a.property, a.name, a.itemprop]) {
      const k = key?.toLowerCase();
      if (k && !meta.has(k)) meta.set(k, content);
    }
  }
  return meta;
}

function canonical(html: string): string | undefined {
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (a.rel?.toLowerCase().split(/\s+/).includes('canonical')) return httpUrl(a.href);
  }
  return undefined;
}

/** NYT's `pdate` is `YYYYMMDD`. */
function compactDay(value: string | undefined): string | undefined {
  const m = value && /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function parselyDate(meta: Map<string, string>): string | undefined {
  try {
    return isoDay((JSON.parse(meta.get('parsely-page') ?? '{}') as { pub_date?: unknown }).pub_date);
  } catch {
    return undefined;
  }
}

function fromJsonLd(html: string): ArticleMeta {
  const article: JsonObject | undefined = nodesOfType(jsonLdBlocks(html).blocks, ARTICLE_TYPES)[0];
  if (!article) return {};
  const mainEntity = firstObject(article.mainEntityOfPage);
  return {
    date: isoDay(article.datePublished),
    publisher: text(firstObject(article.publisher)?.name),
    url: httpUrl(article.url) ?? httpUrl(mainEntity?.['@id']) ?? httpUrl(article.mainEntityOfPage),
    title: text(article.headline),
  };
}

/** A publisher given as a URL ("http://www.tmz.com") is named by its host. */
function publisherName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = httpUrl(value);
  return url ? new URL(url).hostname : value;
}

export function articleMeta(html: string): ArticleMeta {
  const ld = fromJsonLd(html);
  const meta = metaTags(html);
  const metaDate = DATE_KEYS.map((k) => isoDay(meta.get(k))).find(Boolean);
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  return {
    date: ld.date ?? metaDate ?? compactDay(meta.get('pdate')) ?? parselyDate(meta),
    publisher: publisherName(ld.publisher ?? meta.get('og:site_name') ?? meta.get('application-name')),
    url: ld.url ?? canonical(html) ?? httpUrl(meta.get('og:url')),
    title: ld.title ?? meta.get('og:title') ?? (title ? decodeEntities(title).trim() : undefined),
  };
}
