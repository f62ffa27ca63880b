import { describe, expect, it } from 'vitest';
import {
  firstAtOrBelow,
  firstMentionOf,
  type MentionRef,
  mentionMatches,
  stepMention,
} from '../../core/article/mention-order';

const MARKS: MentionRef[] = [
  { kind: 'person', id: 'Q1' },
  { kind: 'figure', id: 'gbp:13.4e9' },
  { kind: 'organization', id: 'Q2' },
  { kind: 'person', id: 'Q1' },
  { kind: 'figure', id: 'Q2' },
];

describe('mention order', () => {
  it('finds the first mention of an entity, whatever its kind of mark', () => {
    expect(firstMentionOf(MARKS, { kind: 'entity', key: 'Q1' })).toBe(0);
    expect(firstMentionOf(MARKS, { kind: 'entity', key: 'Q2' })).toBe(2);
  });

  it('finds a figure by its key and never takes an entity mark for a figure', () => {
    expect(firstMentionOf(MARKS, { kind: 'figure', key: 'gbp:13.4e9' })).toBe(1);
    expect(firstMentionOf(MARKS, { kind: 'figure', key: 'Q2' })).toBe(4);
    expect(mentionMatches({ kind: 'figure', id: 'Q1' }, { kind: 'entity', key: 'Q1' })).toBe(false);
  });

  it('answers -1 for a mention that is not on the page', () => {
    expect(firstMentionOf(MARKS, { kind: 'entity', key: 'Q9' })).toBe(-1);
    expect(firstMentionOf([], { kind: 'figure', key: 'x' })).toBe(-1);
  });

  it('steps to the next and previous mention, wrapping at both ends', () => {
    expect(stepMention(5, 0, 'next')).toBe(1);
    expect(stepMention(5, 4, 'next')).toBe(0);
    expect(stepMention(5, 0, 'previous')).toBe(4);
    expect(stepMention(5, 3, 'previous')).toBe(2);
  });

  it('starts from the first visible mention when no mention has focus', () => {
    expect(stepMention(5, -1, 'next')).toBe(0);
    expect(stepMention(5, -1, 'next', 3)).toBe(3);
    expect(stepMention(5, -1, 'previous', 3)).toBe(2);
    expect(stepMention(5, -1, 'previous', 0)).toBe(4);
    // Every mention is above the viewport: next wraps to the first, previous takes the last.
    expect(stepMention(5, -1, 'next', 5)).toBe(0);
    expect(stepMention(5, -1, 'previous', 5)).toBe(4);
  });

  it('has nowhere to go on a page without mentions', () => {
    expect(stepMention(0, -1, 'next')).toBe(-1);
    expect(stepMention(0, 0, 'previous')).toBe(-1);
  });

  it('finds the first mention at or below the top of the viewport', () => {
    expect(firstAtOrBelow([-300, -20, 0, 140], 0)).toBe(2);
    expect(firstAtOrBelow([-300, -20], 0)).toBe(2);
    expect(firstAtOrBelow([], 0)).toBe(0);
  });
});
