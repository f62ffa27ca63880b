/**
 * Finds the article on the page, so that only the article is marked: not navigation, "most read" lists,
 * comment widgets, newsletter boxes or ads.
 *
 * Mozilla's Readability (the algorithm behind Firefox Reader View) finds the content, but it works on a
 * copy of the document and hands back a cleaned copy. To map its choice back onto the live page, each
 * text node of the copy is paired with its live original before the run (Readability moves text nodes,
 * so the pairs survive its rewrapping of `<div>`s into `<p>`s), and every element of the copy is numbered
 * for the case where Readability re-parses the page from HTML and the text nodes are new. Text is in the
 * article when its parent element holds text that Readability kept; an element that Readability dropped
 * (a share bar inside the article) takes its text out with it.
 *
 * Readability still keeps some boxes that are not article text: a newsletter sign-up or plan box, a
 * video player's controls, a "related" teaser. Those are left out by the names pages give them (class,
 * id, role, aria-label) and by their shape (a paragraph that is only a link).
 */
import Readability from '@mozilla/readability/Readability.js';

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

function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** Each text node of the copy with its live original (the clone has the same nodes in the same order). */
function pairTextNodes(live: Document, copy: Document): Map<Text, Text> {
  const liveTexts = textNodes(live);
  const pairs = new Map<Text, Text>();
  textNodes(copy).forEach((text, i) => {
    const original = liveTexts[i];
    if (original) pairs.set(text, original);
  });
  return pairs;
}

/**
 * The live text node behind a text node of Readability's output. After a re-parse from HTML the node
 * is new: it is then found by its text under the nearest numbered element.
 */
function liveTextFor(text: Text, pairs: Map<Text, Text>, live: HTMLCollectionOf<Element>): Text | null {
  const paired = pairs.get(text);
  if (paired) return paired;
  let numbered = text.parentElement;
  while (numbered && !numbered.hasAttribute(INDEX_ATTR)) numbered = numbered.parentElement;
  const original = numbered ? live[Number(numbered.getAttribute(INDEX_ATTR))] : undefined;
  return original ? (textNodes(original).find((t) => t.data === text.data) ?? null) : null;
}

/**
 * Words that name a box which is not article text when they appear in an element's class, id or
 * aria-label: sign-ups and plans, promos and teasers, share and comment tools, ads, media-player chrome.
 * Matched as whole words of the name ("newsletter-wrapper", "EmailOptin", "vjs-control-bar"), never as
 * substrings, so "header", "shadow" or "loaded" do not match "ad".
 */
const WIDGET_WORDS = new Set(
  (
    'newsletter newsletters optin subscribe subscription subscriptions signup ' +
    'promo promos promotion promoted sponsored sponsor outbrain taboola recirc recirculation related ' +
    'readmore share shares sharing sharebar sharetools sharetool social comments comment commenting disqus ' +
    'ad ads advert adverts advertisement advertising adslot adunit vjs jwplayer'
  ).split(' '),
);

/** Two-word names of the same widgets ("sign-up", "opt-in", "read more", "video-js", "media-player"). */
const WIDGET_PAIRS = new Set([
  'sign up',
  'opt in',
  'read more',
  'more stories',
  'video js',
  'video player',
  'media player',
  'audio player',
  'player controls',
  'control bar',
]);

/**
 * ARIA roles of controls and page chrome, never article prose. "button" and "dialog" are left out:
 * some sites wrap a photo and its caption in a button or a lightbox dialog.
 */
const WIDGET_ROLES = new Set([
  'slider',
  'progressbar',
  'toolbar',
  'menu',
  'menubar',
  'navigation',
  'search',
  'alertdialog',
  'timer',
  'banner',
  'contentinfo',
]);

/**
 * Words that name article furniture: a box whose name also holds one of them ("date-and-comments",
 * "caption-share") carries a date, byline or caption, which is article text.
 */
const CONTENT_WORDS = new Set(
  'date time timestamp dateline byline caption figcaption credit credits body'.split(' '),
);

/** The lower-case words of a class, id or label: split at non-letters and at camelCase humps. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function namesWidget(words: readonly string[]): boolean {
  if (words.some((w) => CONTENT_WORDS.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (WIDGET_WORDS.has(words[i] ?? '')) return true;
    if (WIDGET_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}

/**
 * True when the class, id, role or aria-label of `el` names a widget. A box holding at least half of
 * the article's text is the article itself, whatever it is called (some sites wrap the body in a
 * "paywall" or "promo" container).
 */
function isWidget(el: Element, articleChars: number): boolean {
  const role = el.getAttribute('role');
  const named =
    (role !== null && WIDGET_ROLES.has(role.trim().toLowerCase())) ||
    [...el.classList].some((c) => namesWidget(nameWords(c))) ||
    namesWidget(nameWords(el.id)) ||
    namesWidget(nameWords(el.getAttribute('aria-label') ?? ''));
  return named && (el.textContent ?? '').length * 2 < articleChars;
}

/** A teaser's label before or around its link: "Related:", "[Read: …]", "Read more", "See also". */
const TEASER_LABEL = /^(?:related|read|read more|more|see also|also read|watch|listen|recommended)?$/i;

/**
 * A paragraph or list item that is only a link, or a link behind a teaser label ("Related: …"): a
 * pointer to another story, not part of this one.
 */
function isLinkTeaser(el: Element): boolean {
  if (el.tagName !== 'P' && el.tagName !== 'LI') return false;
  if (!el.querySelector('a[href]')) return false;
  let outside = '';
  for (const text of textNodes(el)) if (!text.parentElement?.closest('a[href]')) outside += text.data;
  return TEASER_LABEL.test(outside.replace(/[\s[\]():|.,…»›>–—-]+/g, ' ').trim());
}

function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor = elements[0] ?? null;
  for (const el of elements) {
    while (ancestor && !ancestor.contains(el)) ancestor = ancestor.parentElement;
  }
  return ancestor;
}

/** The live elements whose text Readability kept in `content`, and the numbered elements it kept. */
function keptElements(
  content: Element,
  pairs: Map<Text, Text>,
  live: HTMLCollectionOf<Element>,
): Set<Element> {
  const kept = new Set<Element>();
  for (const el of [content, ...content.querySelectorAll(`[${INDEX_ATTR}]`)]) {
    const original = el.hasAttribute(INDEX_ATTR) ? live[Number(el.getAttribute(INDEX_ATTR))] : undefined;
    if (original) kept.add(original);
  }
  for (const text of textNodes(content)) {
    const parent = liveTextFor(text, pairs, live)?.parentElement;
    if (parent) kept.add(parent);
  }
  return kept;
}

/**
 * Whether `el` lies inside a widget or a link teaser below `root`. Answers are cached per element, since
 * every text node asks about its whole chain of ancestors.
 */
function boilerplateTest(root: Element): (el: Element) => boolean {
  const cache = new Map<Element, boolean>();
  const articleChars = (root.textContent ?? '').length;
  const inside = (el: Element | null): boolean => {
    if (!el || el === root || !root.contains(el)) return false;
    const known = cache.get(el);
    if (known !== undefined) return known;
    const result = isWidget(el, articleChars) || isLinkTeaser(el) || inside(el.parentElement);
    cache.set(el, result);
    return result;
  };
  return inside;
}

/** A region whose `keeps` also leaves out widgets and link teasers inside it. */
function withoutBoilerplate(root: Element, keeps: (el: Element) => boolean): ArticleRegion {
  const boilerplate = boilerplateTest(root);
  return { root, keeps: (el) => keeps(el) && !boilerplate(el) };
}

/** The article as Readability sees it, mapped onto the live document; null when it finds none. */
function readabilityRegion(doc: Document): ArticleRegion | null {
  const copy = doc.cloneNode(true) as Document;
  const pairs = pairTextNodes(doc, copy);
  numberCopy(copy);
  const live = doc.getElementsByTagName('*');
  const parsed = new Readability<Element>(copy, {
    charThreshold: MIN_ARTICLE_CHARS,
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!content) return null;
  const kept = keptElements(content, pairs, live);
  // `body` and `html` are kept only as containers of what Readability lifted out of them.
  kept.delete(doc.body);
  kept.delete(doc.documentElement);
  const root = commonAncestor([...kept]);
  if (!root) return null;
  return withoutBoilerplate(root, (el) => kept.has(el));
}

/** A page that marks up its article semantically but is too short for Readability. */
function semanticRegion(doc: Document): ArticleRegion | null {
  const root = doc.querySelector('[itemprop="articleBody"], article, main, [role="main"]');
  if (!root) return null;
  return withoutBoilerplate(root, (el) => root.contains(el));
}

/**
 * Past this much readable text (about 30,000 words, several times the longest news article: a book
 * chapter, a transcript), Readability's one synchronous run over a copy of the page would hold the main
 * thread for longer than a frame budget allows (70–90 ms for 200,000 words on a 2-core server), and it
 * cannot be cut into slices. Such a page is read through the article element it marks up instead.
 */
const READABILITY_MAX_CHARS = 200_000;

/** Characters of text outside scripts and styles, counted up to `limit`. */
function readableChars(doc: Document, limit: number): number {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node && chars <= limit; node = walker.nextNode()) {
    const tag = node.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT') chars += (node as Text).data.length;
  }
  return chars;
}

export function findArticleRegion(doc: Document): ArticleRegion | null {
  if (readableChars(doc, READABILITY_MAX_CHARS) > READABILITY_MAX_CHARS) {
    const semantic = semanticRegion(doc);
    if (semantic) return semantic;
  }
  return readabilityRegion(doc) ?? semanticRegion(doc);
}
