/**
 * Patterns kept as text and compiled where they are used, so their machine code does not stay in every
 * tab's heap after the pass (see {@link pattern}).
 */

/**
 * A pattern kept as its text and compiled where it is used: `const DATE = pattern('…', 'g')`, then
 * `DATE()`. The engine caches compiled patterns by their text, so compiling per use is a lookup (the text
 * is built once, and its hash is kept on it). A pattern object held in a constant would keep its machine
 * code (up to 140 kB for a pattern of many alternatives, once per string width) in the tab's heap for as
 * long as the page is open; compiled per use, the code goes with the engine's cache after the pass.
 */
export function pattern(source: string, flags = ''): () => RegExp {
  return () => new RegExp(source, flags);
}
