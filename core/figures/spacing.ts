/**
 * Page text keeps the whitespace of its HTML source ("6,000\n        white Akoya pearls"), while a reader
 * sees one space. The recognisers are written for single spaces, so each line is read with every run of
 * whitespace folded to one space, and the spans found are mapped back onto the text as written.
 */

/**
 * A line with its whitespace runs folded, and for each folded character its offset in the original;
 * `origin` is null when nothing was folded (the offsets are the same), which is most lines.
 */
export interface FoldedText {
  text: string;
  origin: number[] | null;
}

/** Any whitespace, including no-break and thin spaces, as the browser's layout would collapse it. */
const SPACE = /\s/;

/** A line that needs folding: some whitespace other than a plain space, or two spaces in a row. */
const FOLDABLE = /[^\S ]| {2}/;

/** Folds every run of whitespace in `line` to one plain space. */
export function foldSpaces(line: string): FoldedText {
  if (!FOLDABLE.test(line)) return { text: line, origin: null };
  const chars: string[] = [];
  const origin: number[] = [];
  let afterSpace = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (SPACE.test(ch)) {
      if (afterSpace) continue;
      afterSpace = true;
      chars.push(' ');
    } else {
      afterSpace = false;
      chars.push(ch);
    }
    origin.push(i);
  }
  return { text: chars.join(''), origin };
}

/** The original span of folded span [start, end). Spans never start or end on whitespace. */
export function unfoldSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!folded.origin) return { start, end };
  return { start: folded.origin[start] ?? start, end: (folded.origin[end - 1] ?? end - 1) + 1 };
}
