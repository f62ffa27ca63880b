/**
 * Reads the article's publication date from the page's own metadata, in order of reliability:
 * JSON-LD `datePublished`, `article:published_time`, other common meta tags, then the first `<time datetime>`.
 */

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

function day(value: string | null | undefined): string | null {
  const match = value?.trim().match(ISO_DAY);
  return match?.[1] ?? null;
}

function fromJsonLd(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const stack: unknown[] = [JSON.parse(script.textContent ?? '')];
      while (stack.length) {
        const item = stack.pop();
        if (Array.isArray(item)) stack.push(...item);
        else if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          const found = typeof record.datePublished === 'string' ? day(record.datePublished) : null;
          if (found) return found;
          if (record['@graph']) stack.push(record['@graph']);
        }
      }
    } catch {
      // Malformed JSON-LD is common on real pages; try the next source.
    }
  }
  return null;
}

export function readArticleDate(doc: Document): string | null {
  const meta = (selector: string) => day(doc.querySelector<HTMLMetaElement>(selector)?.content);
  return (
    fromJsonLd(doc) ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    day(doc.querySelector('time[datetime]')?.getAttribute('datetime'))
  );
}

/** Country-code top-level domains whose ISO code differs from the domain. */
const TLD_COUNTRY: Record<string, string> = { uk: 'gb' };
/** Generic or commercial domains that say nothing about a country (".co", ".io", ".tv" are used worldwide). */
const NOT_A_COUNTRY = new Set(['co', 'io', 'tv', 'me', 'ai', 'fm', 'ly', 'eu']);

function region(locale: string | null | undefined): string | null {
  const match = locale?.trim().match(/^[a-z]{2,3}[-_]([A-Za-z]{2})\b/);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * The country the article is written for (ISO 3166-1 alpha-2, lower case), which tells "the Prime
 * Minister" in a London paper from one in Ottawa: the page's locale (`og:locale`, `<html lang="en-GB">`),
 * else the site's country domain. Null when the page does not say.
 */
export function readArticleCountry(doc: Document): string | null {
  const fromLocale =
    region(doc.querySelector<HTMLMetaElement>('meta[property="og:locale"]')?.content) ??
    region(doc.documentElement.getAttribute('lang'));
  if (fromLocale) return fromLocale;
  const tld = doc.location?.hostname.split('.').at(-1)?.toLowerCase() ?? '';
  if (!/^[a-z]{2}$/.test(tld) || NOT_A_COUNTRY.has(tld)) return null;
  return TLD_COUNTRY[tld] ?? tld;
}
