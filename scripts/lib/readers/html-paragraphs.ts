/**
 * The text of an article's `<p>` elements, without a DOM (Node has none and linkedom is not a dependency).
 * A tolerant tag scan: scripts, styles and comments are removed first; paragraphs inside navigation,
 * asides, headers, footers and forms are page chrome and dropped. When the page marks its body (an
 * `<article>` element or `itemprop="articleBody"`), only paragraphs inside it are kept.
 */
import { decodeEntities } from './html-entities';

const RAW_TEXT = /<(script|style|noscript|template|svg|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
/** A start or end tag; quoted attribute values may contain ">". */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

const CHROME = new Set(['nav', 'aside', 'header', 'footer', 'form', 'button', 'select', 'label']);
/** Tags that end an open paragraph (HTML closes `<p>` implicitly before them). */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'footer',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ol',
  'ul',
  'table',
  'tr',
  'td',
  'nav',
  'form',
  'hr',
  'pre',
]);

interface Paragraph {
  text: string;
  inBody: boolean;
}

/** Tracks one element by tag name and nesting depth, to find the end tag that closes it. */
interface Open {
  tag: string;
  depth: number;
}

function track(opens: Open[], tag: string, closing: boolean): void {
  for (let i = opens.length - 1; i >= 0; i--) {
    const open = opens[i];
    if (!open || open.tag !== tag) continue;
    open.depth += closing ? -1 : 1;
    if (open.depth < 0) opens.splice(i, 1);
  }
}

function clean(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

function scan(html: string): Paragraph[] {
  const body = html.replace(COMMENT, ' ').replace(RAW_TEXT, ' ');
  const paragraphs: Paragraph[] = [];
  const chrome: Open[] = [];
  const bodies: Open[] = [];
  let start = -1;
  let startedInBody = false;
  const flush = (end: number) => {
    if (start >= 0 && chrome.length === 0) {
      const text = clean(body.slice(start, end));
      if (text) paragraphs.push({ text, inBody: startedInBody });
    }
    start = -1;
  };
  for (const m of body.matchAll(TAG)) {
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const at = m.index ?? 0;
    if (start >= 0 && (BLOCKS.has(tag) || (closing && tag === 'p'))) flush(at);
    track(chrome, tag, closing);
    track(bodies, tag, closing);
    if (closing) continue;
    if (CHROME.has(tag)) chrome.push({ tag, depth: 0 });
    if (tag === 'article' || /\bitemprop\s*=\s*["']?articleBody\b/i.test(m[3] ?? ''))
      bodies.push({ tag, depth: 0 });
    if (tag === 'p') {
      start = at + m[0].length;
      startedInBody = bodies.length > 0;
    }
  }
  flush(body.length);
  return paragraphs;
}

/** The article's paragraphs, as plain text with entities decoded and whitespace collapsed. */
export function htmlParagraphs(html: string): string[] {
  const all = scan(html);
  const inBody = all.filter((p) => p.inBody);
  return (inBody.length > 0 ? inBody : all).map((p) => p.text);
}
