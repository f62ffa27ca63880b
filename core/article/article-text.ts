/**
 * The article as one string: blocks (paragraphs, headings, captions) joined by "\n", with a map from
 * offsets in the joined text back to (block, offset). Detection runs on the joined text so that
 * sentence context and quotes can cross inline markup; marks are applied per block.
 */

export interface ArticleText {
  text: string;
  blockStarts: number[];
}

export function joinBlocks(blocks: readonly string[]): ArticleText {
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.length + 1;
  }
  return { text: blocks.join('\n'), blockStarts };
}

/** The block holding `offset`, by binary search. */
export function blockAt(article: ArticleText, offset: number): number {
  let lo = 0;
  let hi = article.blockStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((article.blockStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A span of the joined text as (block, local start, local end), or null when it crosses blocks. */
export function localSpan(
  article: ArticleText,
  start: number,
  end: number,
): { block: number; start: number; end: number } | null {
  const block = blockAt(article, start);
  const base = article.blockStarts[block] ?? 0;
  const next = article.blockStarts[block + 1] ?? article.text.length + 1;
  if (end > next - 1) return null;
  return { block, start: start - base, end: end - base };
}

/** The sentence around a span, for "where else on this page" lists. Bounded so cards stay short. */
export function sentenceAround(text: string, start: number, end: number, max = 220): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1] ?? '') && start - s < max) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e] ?? '') && e - end < max) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}
