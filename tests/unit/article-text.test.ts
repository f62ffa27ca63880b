import { describe, expect, it } from 'vitest';
import { blockAt, joinBlocks, localSpan, sentenceAround } from '../../core/article/article-text';

describe('article text', () => {
  const article = joinBlocks(['First para.', 'Second one here.', 'Third.']);
  it('maps joined offsets back to their block', () => {
    expect(blockAt(article, 0)).toBe(0);
    expect(blockAt(article, 12)).toBe(1);
    expect(blockAt(article, article.text.length - 1)).toBe(2);
  });
  it('gives local offsets and refuses spans that cross blocks', () => {
    expect(localSpan(article, 12, 18)).toEqual({ block: 1, start: 0, end: 6 });
    expect(localSpan(article, 6, 16)).toBeNull();
  });
  it('cuts the sentence around a span', () => {
    const text = 'One thing. The £6 billion rise was cited. Another.';
    const start = text.indexOf('£6');
    expect(sentenceAround(text, start, start + 10)).toBe('The £6 billion rise was cited.');
  });
});
