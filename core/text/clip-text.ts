/**
 * Cuts long text for display. Pack data is checked against the schema's maximum lengths on import; text
 * within those limits can still be far longer than a card or the popup can show (a 4,000-character quote,
 * a 1,000-character description), and page text has no limit at all. The cut is visible: an ellipsis
 * says the text goes on, and the record's source link leads to the whole of it.
 */

/** How many characters of each kind of text a card or the popup shows. Real data sits well under these. */
export const DISPLAY_LIMITS = {
  name: 120,
  title: 200,
  description: 400,
  quote: 600,
  sentence: 300,
  label: 160,
} as const;

const ELLIPSIS = '…';
/** A cut may back off this share of the limit to end at a word boundary rather than inside a word. */
const WORD_BACKOFF = 0.2;

/** True for the second half of a UTF-16 surrogate pair: a cut before it would split one character. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * `text` when it is at most `max` characters; otherwise its first part, ended at a word boundary where
 * one is near, with an ellipsis, `max` characters at most in all.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (end > 0 && isLowSurrogate(text.charCodeAt(end))) end--;
  const space = text.lastIndexOf(' ', end);
  if (space > 0 && space >= end - max * WORD_BACKOFF) end = space;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
