import { describe, expect, it } from 'vitest';
import { briefOfFigure } from '../../core/article/figure-brief';
import type { FigureContext } from '../../core/article/figure-context';

const figure = { text: '£13.4 billion' } as FigureContext['figure'];

function context(over: Partial<FigureContext>): FigureContext {
  return { figure, occurrences: 1, elsewhere: [], ...over };
}

describe('the popup brief of a figure', () => {
  it('names who gave it, its topic and the same-topic figures with who gave each, and the discrepancy', () => {
    const brief = briefOfFigure(
      context({
        speaker: { name: 'Keir Starmer', entityId: 'Q6383803', as: 'the Prime Minister' },
        topic: ['increase', 'defence', 'spending', 'year'],
        discrepancy: true,
        elsewhere: [
          { text: '2.5%', sentence: 's1', sameQuantity: false },
          {
            text: '£6 billion',
            written: 'something over £6 billion',
            sentence: 's2',
            sameQuantity: true,
            sameTopic: ['increase', 'defence', 'spending'],
            speaker: { name: 'John Healey', entityId: null, as: null },
          },
        ],
      }),
    );
    expect(brief).toEqual({
      speaker: { name: 'Keir Starmer', as: 'the Prime Minister' },
      topic: ['increase', 'defence', 'spending'],
      sameTopic: [{ text: 'something over £6 billion', speaker: { name: 'John Healey', as: null } }],
      discrepancy: true,
    });
  });

  it('lists at most two same-topic figures, leaving the rest to the card', () => {
    const peer = (text: string) => ({ text, sentence: text, sameQuantity: true, sameTopic: ['budget'] });
    const brief = briefOfFigure(context({ elsewhere: [peer('£1bn'), peer('£2bn'), peer('£3bn')] }));
    expect(brief?.sameTopic.map((p) => p.text)).toEqual(['£1bn', '£2bn']);
  });

  it('is null when the article says nothing around the figure, so the brief adds no empty line', () => {
    expect(
      briefOfFigure(context({ elsewhere: [{ text: '2027', sentence: 's', sameQuantity: false }] })),
    ).toBeNull();
  });
});
