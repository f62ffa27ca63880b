/**
 * Wraps mentions in inline `<span>` marks. Marks are inline, add no box and change no font metrics:
 * only a text decoration, which does not affect layout. Text nodes are split, never re-parsed, so page
 * scripts keep their references to elements and no markup is ever created from page or pack text.
 */
import { t } from '../../components/i18n';
import { ownMarks, type TextBlock } from './text-blocks';

export interface MarkSpec {
  block: number;
  start: number;
  end: number;
  kind: string;
  id: string;
  label: string;
  /** Index of the card model for this mark. */
  model: number;
  /** "role" when the mark is a role phrase ("the Prime Minister") standing for the person. */
  via?: 'role';
  /** The article's title for this mention differs from the database's role on the date. */
  conflict?: boolean;
}

/**
 * Which text nodes around or in a mark were split off a page's text node to make it, as bits of the
 * mark's value in `ownMarks`: pieces that follow their original (merged into the text before them) or
 * precede it (merged into the text after them). Pausing uses this to restore the page's own text nodes
 * exactly (mark-remover.ts). Kept per mark, in the table that already holds every mark, not per piece: a
 * long page has thousands of marks, twice as many pieces, and a piece kept as a key keeps its wrapper.
 */
export const PIECE = {
  /** The mark's first child follows the text before the mark. */
  firstAfter: 1,
  /** The text after the mark follows the mark's last child. */
  nextAfter: 2,
  /** The mark's last child precedes the text after the mark. */
  lastBefore: 4,
} as const;

const KIND_COLOURS: Record<string, string> = {
  person: 'rgba(29, 95, 209, 0.75)',
  organization: 'rgba(121, 72, 196, 0.75)',
  place: 'rgba(22, 128, 92, 0.75)',
  figure: 'rgba(196, 110, 20, 0.8)',
};

/** The attributes and style every mark of one look shares, set up once per document and look. */
function markTemplate(doc: Document, spec: MarkSpec): HTMLSpanElement {
  const span = doc.createElement('span');
  span.setAttribute('data-backstory', spec.kind);
  // Set per mark; here so that every mark keeps the same attribute order.
  span.setAttribute('data-backstory-id', '');
  span.setAttribute('tabindex', '0');
  span.setAttribute('role', 'button');
  span.setAttribute('aria-haspopup', 'dialog');
  span.setAttribute('aria-expanded', 'false');
  span.setAttribute('aria-label', '');
  if (spec.via) span.setAttribute('data-backstory-via', spec.via);
  if (spec.conflict) span.setAttribute('data-backstory-conflict', '');
  // CSSOM, not a style attribute string: allowed under strict page CSPs.
  // A wavy line tells a disputed role apart without colour alone (readable for colour-blind readers).
  const line = spec.conflict ? 'wavy' : 'dotted';
  span.style.setProperty('text-decoration', `underline ${line} ${KIND_COLOURS[spec.kind] ?? 'currentColor'}`);
  span.style.setProperty('text-underline-offset', '0.18em');
  span.style.setProperty('cursor', 'help');
  return span;
}

/** Templates by document and look ("person||", "figure|role|1"); never inserted into the page. */
const templates = new WeakMap<Document, Map<string, HTMLSpanElement>>();

/**
 * A new mark: a shallow clone of its look's template, with its own id and label. Cloning copies the
 * attributes and style in one call, where setting them costs a dozen calls into the DOM per mark.
 */
function createMark(doc: Document, spec: MarkSpec): HTMLSpanElement {
  let byLook = templates.get(doc);
  if (!byLook) {
    byLook = new Map();
    templates.set(doc, byLook);
  }
  const look = `${spec.kind}|${spec.via ?? ''}|${spec.conflict ? 1 : ''}`;
  let template = byLook.get(look);
  if (!template) {
    template = markTemplate(doc, spec);
    byLook.set(look, template);
  }
  const span = template.cloneNode(false) as HTMLSpanElement;
  span.setAttribute('data-backstory-id', spec.id);
  span.setAttribute('aria-label', spec.label);
  ownMarks.set(span, 0);
  return span;
}

/** Index of the node holding block offset `offset` (the last node starting at or before it). */
function nodeIndexAt(block: TextBlock, offset: number): number {
  let i = block.offsets.length - 1;
  while (i > 0 && (block.offsets[i] ?? 0) > offset) i--;
  return i;
}

// Links are left out: a mark is a button, and a link inside a button is not reachable on its own.
const INLINE = new Set([
  'B',
  'STRONG',
  'EM',
  'I',
  'U',
  'SPAN',
  'ABBR',
  'CITE',
  'SMALL',
  'MARK',
  'Q',
  'S',
  'SUB',
  'SUP',
]);

/** The child of `ancestor` that holds `node`, when `node` is its first (`side` start) or last text all the way up. */
function outermostFlush(node: Node, ancestor: Node, side: 'start' | 'end'): Node | null {
  let current = node;
  while (current.parentNode && current.parentNode !== ancestor) {
    const parent = current.parentNode;
    const flush = side === 'start' ? parent.firstChild === current : parent.lastChild === current;
    if (!flush || !(parent instanceof Element) || !INLINE.has(parent.tagName) || ownMarks.has(parent))
      return null;
    current = parent;
  }
  return current.parentNode === ancestor && current !== node ? current : null;
}

/**
 * A mention the page split over inline elements exactly at its edges (`<b>Lupita Nyong</b>'<b>o</b>`)
 * is widened to take those elements whole, so one mark covers the whole name. The elements are moved, not
 * recreated, so page scripts keep their references.
 */
function widenToWholeInlineElements(range: Range): void {
  const common = range.commonAncestorContainer;
  if (range.startOffset === 0) {
    const start = outermostFlush(range.startContainer, common, 'start');
    if (start) range.setStartBefore(start);
  }
  const end = range.endContainer;
  if (end instanceof Text && range.endOffset === end.data.length) {
    const outer = outermostFlush(end, common, 'end');
    if (outer) range.setEndAfter(outer);
  }
}

/**
 * Wraps `[start, end)` of one text node: the node is split at both ends and the middle moved into the
 * mark. This is what `Range.surroundContents` does for a range inside one text node, without a Range:
 * every live Range is updated on every change to the document until it is garbage-collected, so one Range
 * per mark makes wrapping thousands of marks quadratic.
 */
function wrapWithin(node: Text, start: number, end: number, mark: HTMLElement): void {
  const middle = start > 0 ? node.splitText(start) : node;
  let pieces = middle !== node ? PIECE.firstAfter : 0;
  if (end - start < middle.data.length) {
    middle.splitText(end - start);
    pieces |= PIECE.nextAfter;
  }
  middle.parentNode?.insertBefore(mark, middle);
  mark.appendChild(middle);
  if (pieces) ownMarks.set(mark, pieces);
}

/**
 * Wraps one mark. A mention inside one text node is split out of it. When the mention spans several text
 * nodes (`Sir <a>Keir Starmer</a>`), the nodes are split at the ends and surrounded together if they share
 * a parent; otherwise the part inside the last node is marked, which keeps the page's own elements intact.
 */
function wrap(block: TextBlock, spec: MarkSpec, markToModel: Map<Element, number>): HTMLElement | null {
  const first = nodeIndexAt(block, spec.start);
  const last = nodeIndexAt(block, spec.end - 1);
  const startNode = block.nodes[first];
  const endNode = block.nodes[last];
  if (!startNode || !endNode || !startNode.parentNode || !endNode.parentNode) return null;
  const doc = startNode.ownerDocument;
  const localStart = spec.start - (block.offsets[first] ?? 0);
  const localEnd = spec.end - (block.offsets[last] ?? 0);
  if (localEnd > endNode.data.length || localStart < 0) return null;
  if (first === last) {
    const mark = createMark(doc, spec);
    wrapWithin(startNode, localStart, localEnd, mark);
    markToModel.set(mark, spec.model);
    return mark;
  }
  const range = doc.createRange();
  range.setStart(startNode, localStart);
  range.setEnd(endNode, localEnd);
  const mark = createMark(doc, spec);
  try {
    widenToWholeInlineElements(range);
    // A range edge inside a text node leaves a clone of that node's part in the mark (DOM `extract`).
    const startSplit = range.startContainer instanceof Text;
    const endSplit = range.endContainer instanceof Text;
    range.surroundContents(mark);
    let pieces = startSplit && mark.firstChild instanceof Text ? PIECE.firstAfter : 0;
    if (endSplit && mark.lastChild instanceof Text && mark.lastChild !== mark.firstChild)
      pieces |= PIECE.lastBefore;
    if (pieces) ownMarks.set(mark, pieces);
  } catch {
    // Crosses element boundaries: mark only the part in the last text node.
    const tail = doc.createRange();
    tail.setStart(endNode, first === last ? localStart : 0);
    tail.setEnd(endNode, localEnd);
    if (tail.collapsed) return null;
    tail.surroundContents(mark);
    // The clone inside the mark and the split-off rest after it both follow what is left of `endNode`.
    const pieces =
      (mark.firstChild instanceof Text ? PIECE.firstAfter : 0) |
      (mark.nextSibling instanceof Text ? PIECE.nextAfter : 0);
    if (pieces) ownMarks.set(mark, pieces);
  }
  markToModel.set(mark, spec.model);
  return mark;
}

/**
 * Label in Name (WCAG 2.5.3): a speech-input user says what they see, so a mark whose label lacks its
 * visible words ("Sir Keir" labelled "Keir Starmer (Person)…") gets a name that starts with them.
 */
function nameWithVisibleText(mark: HTMLElement, label: string): void {
  const visible = (mark.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (visible && !label.toLowerCase().includes(visible.toLowerCase()))
    mark.setAttribute('aria-label', t('readerMarkSpokenLabel', visible, label));
}

/**
 * Applies marks to blocks. Within a block they are applied from last to first, so the offsets of the
 * earlier ones stay valid while text nodes are split.
 */
export function applyMarks(
  blocks: readonly TextBlock[],
  specs: readonly MarkSpec[],
  markToModel: Map<Element, number>,
): HTMLElement[] {
  const created: HTMLElement[] = [];
  const byBlock = new Map<number, MarkSpec[]>();
  for (const spec of specs) {
    const list = byBlock.get(spec.block) ?? [];
    list.push(spec);
    byBlock.set(spec.block, list);
  }
  for (const [blockIndex, list] of byBlock) {
    const block = blocks[blockIndex];
    if (!block) continue;
    list.sort((a, b) => b.start - a.start);
    for (const spec of list) {
      const mark = wrap(block, spec, markToModel);
      if (mark) nameWithVisibleText(mark, spec.label);
      if (mark) created.push(mark);
    }
  }
  return created;
}
