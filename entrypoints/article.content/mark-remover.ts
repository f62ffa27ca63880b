/**
 * Takes Backstory's marks out of the page and gives it back its own text nodes: each mark's content is
 * moved back where the mark stood, and every piece a mark split off a text node is merged back into that
 * node, so the page's text nodes are the same objects with the same text as before marking (page scripts
 * holding references to them see no difference). Only marks Backstory made are touched.
 */
import { PIECE } from './mark-writer';
import { ownMarks } from './text-blocks';

type Side = 'after' | 'before';

/** The pieces a mark split off the page's text nodes, read from the mark before it is taken out. */
function piecesOf(mark: Element, into: Map<Text, Side>): void {
  const bits = ownMarks.get(mark) ?? 0;
  if (bits & PIECE.firstAfter && mark.firstChild instanceof Text) into.set(mark.firstChild, 'after');
  if (bits & PIECE.nextAfter && mark.nextSibling instanceof Text) into.set(mark.nextSibling, 'after');
  if (bits & PIECE.lastBefore && mark.lastChild instanceof Text) into.set(mark.lastChild, 'before');
}

/** Moves a mark's children out in front of it and removes it; returns its parent. */
function unwrap(mark: Element): Node | null {
  const parent = mark.parentNode;
  if (!parent) return null;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
  ownMarks.delete(mark);
  return parent;
}

/**
 * Merges the split pieces among `parent`'s children back into their neighbours. `before` pieces go
 * first, so an `after` piece never lands in a piece that is itself about to move.
 */
function mergePieces(parent: Node, split: Map<Text, Side>): void {
  const pieces = [...parent.childNodes].filter((n): n is Text => n instanceof Text && split.has(n));
  for (const piece of pieces) {
    const next = piece.nextSibling;
    if (split.get(piece) !== 'before' || !(next instanceof Text)) continue;
    next.insertData(0, piece.data);
    split.delete(piece);
    piece.remove();
  }
  for (const piece of pieces) {
    const previous = piece.previousSibling;
    if (split.get(piece) !== 'after' || !(previous instanceof Text)) continue;
    previous.appendData(piece.data);
    split.delete(piece);
    piece.remove();
  }
}

/**
 * Removes the marks `keep` refuses (all of them by default) under `root`. Returns how many were removed.
 */
export function removeMarks(root: ParentNode, keep: (mark: Element) => boolean = () => false): number {
  const marks = [...root.querySelectorAll('[data-backstory]')].filter((m) => ownMarks.has(m) && !keep(m));
  const split = new Map<Text, Side>();
  for (const mark of marks) piecesOf(mark, split);
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = unwrap(mark);
    if (parent) parents.add(parent);
  }
  for (const parent of parents) mergePieces(parent, split);
  return marks.length;
}
