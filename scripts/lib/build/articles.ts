/**
 * Loads the articles a build reads: HTML files, http(s) URLs given on the command line, and list files
 * (one path or URL a line; `#` starts a comment). URLs are fetched only because the user listed them.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface ArticleText {
  html: string;
  file?: string;
  url?: string;
}

const FETCH_TIMEOUT_MS = 30_000;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** The entries of a list file, relative paths resolved against the list's folder. */
export function readArticleList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .map((entry) => (isUrl(entry) ? entry : resolve(dirname(path), entry)));
}

async function fetchHtml(url: string): Promise<string> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'text/html,application/xhtml+xml' },
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function loadArticle(entry: string): Promise<ArticleText> {
  if (isUrl(entry)) return { html: await fetchHtml(entry), url: entry };
  return { html: readFileSync(entry, 'utf8'), file: entry };
}
