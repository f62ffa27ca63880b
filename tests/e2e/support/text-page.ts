/**
 * Lays out a plain-text article (a `.txt` page folder of the evaluation corpus, or the seed article) as a
 * news page, the way a site would: the first line is page chrome and goes in an `<aside>` outside the
 * article; every following non-empty line becomes a `<p>` inside `<main><article>`. A `date YYYY-MM-DD`
 * in the first line becomes the page's `article:published_time` and JSON-LD `datePublished`, so the
 * content script reads the date from metadata as it does on a real page.
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `<script>` content may not contain `</`; JSON allows `<` to be escaped. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

export interface TextPageOptions {
  title: string;
  /** Publisher name for `og:site_name` and the JSON-LD publisher. */
  publisher?: string;
  /** `<html lang>`; the region (en-GB) tells the content script the article's country. */
  lang?: string;
}

/** The date in the page-chrome line, when it carries one. */
export function headerDate(header: string): string | null {
  return /\bdate (\d{4}-\d{2}-\d{2})\b/.exec(header)?.[1] ?? null;
}

export function buildTextPage(text: string, options: TextPageOptions): string {
  const [chrome = '', ...body] = text.split(/\r?\n/);
  const paragraphs = body.map((line) => line.trim()).filter((line) => line.length > 0);
  const date = headerDate(chrome);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: options.title,
    ...(date ? { datePublished: date } : {}),
    ...(options.publisher ? { publisher: { '@type': 'Organization', name: options.publisher } } : {}),
  };
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${date ? `<meta property="article:published_time" content="${date}">` : ''}
${options.publisher ? `<meta property="og:site_name" content="${escapeHtml(options.publisher)}">` : ''}
<script type="application/ld+json">${jsonForScript(jsonLd)}</script>
<style>
  body { font: 18px/1.6 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  aside { font: 14px/1.4 sans-serif; background: #f3f3f3; padding: 1rem; margin-bottom: 2rem; }
</style>
</head>
<body>
<aside class="donation-box">${escapeHtml(chrome.trim())}</aside>
<main>
<article>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
</main>
</body>
</html>
`;
}
