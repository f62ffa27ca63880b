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
