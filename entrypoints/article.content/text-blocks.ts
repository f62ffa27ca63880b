/**
 * Collects the page's readable text as blocks of text nodes, skipping regions that must never be
 * marked: code, form fields, editors, scripts, hidden subtrees, existing marks and our own UI.
 */

export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's first character within the block text. */
  offsets: number[];
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

/** Elements created by Backstory; the page's own `[data-backstory]` elements are not in here. */
export const ownMarks = new WeakSet<Element>();

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

/**
 * Walks `root` and groups its visible text nodes by their nearest block element, in document order.
 * With `keeps`, only text whose parent element it accepts is collected (the article, not the page chrome).
 */
export function collectTextBlocks(root: Element, keeps?: (el: Element) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let currentEl: Element | null = null;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return skipElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      const parent = node.parentElement;
      if (keeps && (!parent || !keeps(parent))) return NodeFilter.FILTER_SKIP;
      return /\S/.test((node as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
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
    current.offsets.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  return blocks;
}
