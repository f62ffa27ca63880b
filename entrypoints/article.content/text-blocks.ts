/**
 * Collects the page's readable text as blocks of text nodes, skipping regions that must never be
 * marked: code, form fields, editors, scripts, hidden subtrees, existing marks and our own UI.
 */

export interface TextBlock {
  nodes: Text[];
  /**
   * Offset of each node's first character within the block text: `nodes[i].data` occupies
   * `text.slice(offsets[i], offsets[i] + nodes[i].data.length)`, character for character.
   */
  offsets: number[];
  /**
   * The nodes' text in order, as a reader sees it: line breaks and tabs read as spaces (same length,
   * so offsets stay exact), and one virtual space between two nodes that the page shows apart but
   * that would otherwise glue ("22 Dec, 2016" and "22 Dec, 2016" in two `<time>` elements).
   */
  text: string;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'BACKSTORY-CARD',
]);

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'ARTICLE',
  'SECTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'MAIN',
  'BODY',
  'DD',
  'DT',
  'CAPTION',
  'FIGURE',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'FORM',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FIELDSET',
  'LEGEND',
  'HR',
  'BR',
]);

/**
 * Inline elements that may split a word ("<b>Nyong</b>'<b>o</b>", a drop cap "<span>T</span>he", "5<sup>th</sup>"):
 * crossing only these, two letters stay glued. Any other element (`<time>`, `<data>`, custom elements)
 * holds a value of its own.
 */
const WORD_INTERNAL_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'U',
]);

/** Superscripts and subscripts continue the number or word before them: exponents, ordinals, footnotes. */
const SCRIPT_TAGS = new Set(['SUP', 'SUB']);

/** Void elements that the browser renders as a gap between the text around them. */
const GAP_TAGS = new Set(['BR', 'HR', 'IMG', 'EMBED']);

/** Characters that run into each other when two nodes touch: letters, digits and currency signs. */
const GLUING = /[\p{L}\p{N}\p{Sc}]/u;
const DIGIT = /\p{N}/u;

/**
 * Elements created by Backstory; the page's own `[data-backstory]` elements are not in here. Each holds
 * the bits of the text nodes it split (mark-writer.ts `PIECE`), so no second table per mark is needed.
 */
export const ownMarks = new WeakMap<Element, number>();

/** Low bits of a mark's `ownMarks` value that hold its split pieces; the bits above hold its card model. */
const PIECE_SLOTS = 8;

/**
 * Records the card model of a mark (its slot in the pass log) beside its split-piece bits: one table for
 * every mark, where a second table keyed by mark would cost a long page half a megabyte.
 */
export function setMarkModel(mark: Element, slot: number): void {
  ownMarks.set(mark, ((ownMarks.get(mark) ?? 0) % PIECE_SLOTS) + (slot + 1) * PIECE_SLOTS);
}

/** The slot {@link setMarkModel} recorded for `mark`, or -1. */
export function markModel(mark: Element): number {
  return Math.floor((ownMarks.get(mark) ?? 0) / PIECE_SLOTS) - 1;
}

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (ownMarks.has(el)) return true;
  if (el instanceof HTMLElement && (el.isContentEditable || el.hidden)) return true;
  return el.getAttribute('aria-hidden') === 'true';
}

function blockOf(node: Node, root: Element): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el ?? root;
}

/** Elements from `node` up to, not including, `top`, innermost first. */
function elementsBelow(node: Node, top: Node): Element[] {
  const out: Element[] = [];
  for (let el = node.parentElement; el && el !== top; el = el.parentElement) out.push(el);
  return out;
}

function commonAncestorOf(a: Node, b: Node): Node | null {
  for (let el: Node | null = a.parentNode; el; el = el.parentNode) if (el.contains(b)) return el;
  return null;
}

/**
 * True when the page shows `prev` and `next` apart although no whitespace lies between them: two numbers
 * in separate elements ("22 Dec 2016" then a "651" comment count), a value element such as `<time>`
 * touching a word, or two sibling elements each holding a word. Words split by inline markup stay whole.
 */
function touchingNodesShownApart(prev: Text, next: Text): boolean {
  const left = prev.data.slice(-1);
  const right = next.data.slice(0, 1);
  if (!GLUING.test(left) || !GLUING.test(right)) return false;
  const top = commonAncestorOf(prev, next);
  if (!top) return true;
  const leftEls = elementsBelow(prev, top);
  const rightEls = elementsBelow(next, top);
  const crossed = [...leftEls, ...rightEls];
  if (crossed.some((el) => SCRIPT_TAGS.has(el.tagName))) return false;
  if (DIGIT.test(left) && DIGIT.test(right)) return true;
  if (crossed.some((el) => !WORD_INTERNAL_TAGS.has(el.tagName))) return true;
  // One-letter pieces are a word split for show (drop caps, letter-by-letter spans).
  return (
    leftEls.length > 0 && rightEls.length > 0 && prev.data.trim().length > 1 && next.data.trim().length > 1
  );
}

/** The virtual separator to put between the block text so far and `next`: " " or nothing. */
function separatorBefore(block: TextBlock, next: Text, gap: boolean): string {
  const prev = block.nodes[block.nodes.length - 1];
  if (!prev || /\s$/.test(block.text) || /^\s/.test(next.data)) return '';
  return gap || touchingNodesShownApart(prev, next) ? ' ' : '';
}

/** Line breaks, tabs and other control whitespace read as one space each (same length). */
const asSpaces = (data: string) => data.replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ');

/**
 * Walks `root` and groups its visible text nodes by their nearest block element, in document order.
 * With `keeps`, only text whose parent element it accepts is collected (the article, not the page chrome);
 * it is asked once for each parent element of non-blank text.
 */
export function collectTextBlocks(root: Element, keeps?: (el: Element) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let currentEl: Element | null = null;
  // The walker asks acceptNode in document order, so whatever it passes over between two collected
  // nodes (whitespace, a <br>, skipped or dropped text) is seen there and remembered as a gap.
  let gap = false;
  // `keeps` is asked once per element: a paragraph's text around a link is several nodes of one parent.
  const verdicts = new Map<Element, boolean>();
  const kept = (parent: Element | null): boolean => {
    if (!keeps) return true;
    if (!parent) return false;
    let verdict = verdicts.get(parent);
    if (verdict === undefined) {
      verdict = keeps(parent);
      verdicts.set(parent, verdict);
    }
    return verdict;
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (GAP_TAGS.has(el.tagName)) gap = true;
        if (!skipElement(el)) return NodeFilter.FILTER_SKIP;
        // A skipped region (a button, code) stands between the words around it; our own mark wraps
        // page text that touched its neighbours, so it is no gap.
        if (!ownMarks.has(el)) gap = true;
        return NodeFilter.FILTER_REJECT;
      }
      if (!/\S/.test((node as Text).data) || !kept(node.parentElement)) {
        gap = true;
        return NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const el = blockOf(text, root);
    if (el !== currentEl || !current) {
      current = { nodes: [], offsets: [], text: '' };
      currentEl = el;
      blocks.push(current);
    }
    current.text += separatorBefore(current, text, gap);
    gap = false;
    current.offsets.push(current.text.length);
    current.nodes.push(text);
    current.text += asSpaces(text.data);
  }
  return blocks;
}
