/**
 * Which mention the keyboard moves to, and which one the popup jumps to: pure functions over the marks
 * in document order, so the content script only reads the page and the rules are tested in Node.
 */

/** A mark as these rules see it: its kind (`person`, `organization`, `place`, `figure`) and its id. */
export interface MentionRef {
  kind: string;
  id: string;
}

/** What the popup asks to reveal: an entity by its id, or a figure by its key. */
export interface MentionTarget {
  kind: 'entity' | 'figure';
  key: string;
}

export type Direction = 'next' | 'previous';

/** True when `mark` is a mention of `target`: figures by key, people, organisations and places by id. */
export function mentionMatches(mark: MentionRef, target: MentionTarget): boolean {
  if (mark.id !== target.key) return false;
  return target.kind === 'figure' ? mark.kind === 'figure' : mark.kind !== 'figure';
}

/** Index of the first mention of `target` in document order, or -1. */
export function firstMentionOf(marks: readonly MentionRef[], target: MentionTarget): number {
  return marks.findIndex((mark) => mentionMatches(mark, target));
}

/**
 * The mention to move to from the one at `current` (-1 when no mention has focus), wrapping at both
 * ends. With no focused mention, `next` starts at `firstVisible` (the first mention at or below the top
 * of the viewport, so the reader is not thrown back to the top of a long page) and `previous` at the one
 * before it. Returns -1 when there is no mention.
 */
export function stepMention(count: number, current: number, direction: Direction, firstVisible = 0): number {
  if (count <= 0) return -1;
  const wrap = (i: number) => ((i % count) + count) % count;
  if (current < 0 || current >= count) {
    const start = Math.min(Math.max(firstVisible, 0), count);
    return direction === 'next' ? wrap(start) : wrap(start - 1);
  }
  return wrap(direction === 'next' ? current + 1 : current - 1);
}

/** Index of the first of `tops` (viewport tops in document order) at or below `y`; `tops.length` when none. */
export function firstAtOrBelow(tops: readonly number[], y: number): number {
  const index = tops.findIndex((top) => top >= y);
  return index < 0 ? tops.length : index;
}
