/**
 * The seed article (The Independent, 26 Feb 2025) as an HTML page, built at test time from
 * `../shared/seed/independent-2025-02-26.txt`. The text is the publisher's copyright: it is read from the
 * shared folder when present and never copied into the project. `BACKSTORY_SHARED` overrides the folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './extension';

/** The shared folder beside the repository (or `$BACKSTORY_SHARED`). */
export const SHARED_DIR = resolve(process.env.BACKSTORY_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const SEED_TEXT_PATH = join(SHARED_DIR, 'seed', 'independent-2025-02-26.txt');
export const SEED_GOLD_PATH = join(SHARED_DIR, 'seed', 'gold.json');

/** True when the seed text and its gold annotations are there; tests that need them skip otherwise. */
export const seedExists = existsSync(SEED_TEXT_PATH) && existsSync(SEED_GOLD_PATH);

export const SEED_DATE = '2025-02-26';

/** The parts of `gold.json` the e2e tests use. */
export interface SeedGold {
  published: string;
  people: { name: string; mentions: string[] }[];
  role_phrases: { text: string; refers_to: string }[];
  figures: { text: string; kind: string; value: number | null; unit: string | null; occurrences?: number }[];
  quotes: { speaker: string; starts: string }[];
}

export function loadSeedGold(): SeedGold {
  return JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as SeedGold;
}

function escapeHtml(text: string): string {
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

/**
 * Builds the seed page: the first line of the text is page chrome (the donation box) and goes in an
 * `<aside>` outside the article; every following non-empty line becomes a `<p>` in `<article>`. The
 * page carries the publication date as `article:published_time` and in a JSON-LD NewsArticle.
 */
export function buildSeedPage(text: string = readFileSync(SEED_TEXT_PATH, 'utf8')): string {
  const [chrome = '', ...body] = text.split(/\r?\n/);
  const paragraphs = body.map((line) => line.trim()).filter((line) => line.length > 0);
  const headline = 'Seed article: The Independent, 26 February 2025';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    datePublished: SEED_DATE,
    publisher: { '@type': 'Organization', name: 'The Independent' },
  };
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(headline)}</title>
<meta property="article:published_time" content="${SEED_DATE}">
<meta property="og:site_name" content="The Independent">
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
