/**
 * Finds the article on the page, so that only the article is marked: not navigation, "most read" lists,
 * comment widgets, newsletter boxes or ads.
 *
 * Mozilla's Readability (the algorithm behind Firefox Reader View) finds the content, but it works on a
 * copy of the document and hands back a cleaned copy. To map its choice back onto the live page, every
 * element of the copy is numbered before the run: the numbers that survive in Readability's output are
 * the live elements it kept. Text is in the article when its parent element was kept; an element that
 * Readability dropped (a share bar inside the article) takes its text out with it.
 */
import { Readability } from '@mozilla/readability';

const INDEX_ATTR = 'data-backstory-index';

/** Short news briefs are articles too; Readability's default asks for 500 characters. */
const MIN_ARTICLE_CHARS = 200;

export interface ArticleRegion {
  /** The nearest element holding the whole article (for observers and lookups). */
  root: Element;
  /** True for elements whose own text is part of the article. */
  keeps(el: Element): boolean;
}

/** Numbers the copy's elements in document order; the live document's elements have the same order. */
function numberCopy(copy: Document): void {
  const all = copy.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) all[i]?.setAttribute(INDEX_ATTR, String(i));
}

function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor = elements[0] ?? null;
  for (const el of elements) {
    while (ancestor && !ancestor.contains(el)) ancestor = ancestor.parentElement;
  }
  return ancestor;
}

/** The article as Readability sees it, mapped onto the live document; null when it finds none. */
function readabilityRegion(doc: Document): ArticleRegion | null {
  const copy = doc.cloneNode(true) as Document;
  numberCopy(copy);
  const live = doc.getElementsByTagName('*');
  const parsed = new Readability<Element>(copy, {
    charThreshold: MIN_ARTICLE_CHARS,
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!content) return null;
  const kept = new Set<Element>();
  const numbered = [content, ...content.querySelectorAll(`[${INDEX_ATTR}]`)];
  for (const el of numbered) {
    const index = Number(el.getAttribute(INDEX_ATTR));
    const original = el.hasAttribute(INDEX_ATTR) ? live[index] : undefined;
    if (original) kept.add(original);
  }
  // `body` and `html` are kept only as containers of what Readability lifted out of them.
  kept.delete(doc.body);
  kept.delete(doc.documentElement);
  const root = commonAncestor([...kept]);
  if (!root) return null;
  return { root, keeps: (el) => kept.has(el) };
}

/** A page that marks up its article semantically but is too short for Readability. */
function semanticRegion(doc: Document): ArticleRegion | null {
  const root = doc.querySelector('[itemprop="articleBody"], article, main, [role="main"]');
  if (!root) return null;
  return { root, keeps: (el) => root.contains(el) };
}

export function findArticleRegion(doc: Document): ArticleRegion | null {
  return readabilityRegion(doc) ?? semanticRegion(doc);
}
