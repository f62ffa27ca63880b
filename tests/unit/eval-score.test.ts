import { describe, expect, it } from 'vitest';
import {
  type Gold,
  type PageMark,
  percent,
  scorePage,
  scoreSets,
  surface,
  totals,
} from '../../scripts/lib/eval/score';

const mark = (kind: string, text: string, extra: Partial<PageMark> = {}): PageMark => ({
  kind,
  text,
  via: '',
  label: '',
  conflict: false,
  ...extra,
});

const gold: Gold = {
  people: [{ name: 'Keir Starmer', mentions: ['Prime Minister Sir Keir Starmer', 'Sir Keir'] }],
  figures: [{ text: '£13.4 billion' }, { text: '2027' }],
  role_phrases: [{ text: 'the Prime Minister', refers_to: 'Keir Starmer' }],
  role_conflicts: [{ mention: 'Russia defence minister Sergey Lavrov' }],
};

describe('evaluation scoring (distinct surface forms)', () => {
  it('compares what a reader sees: soft hyphens vanish, any space is one space', () => {
    expect(surface('Sir\u00A0Ke\u00ADir')).toBe('Sir Keir');
    expect(surface('  £13.4\u202Fbillion ')).toBe('£13.4 billion');
  });

  it('counts each distinct form once, however often it is marked', () => {
    const score = scoreSets(
      ['Sir Keir', 'Sir Keir', 'Sir\u00A0Keir', 'Mr Nobody'],
      ['Sir Keir', 'Kemi Badenoch'],
    );
    expect(score).toEqual({
      correct: ['Sir Keir'],
      extra: ['Mr Nobody'],
      missed: ['Kemi Badenoch'],
      predicted: 2,
      gold: 2,
    });
  });

  it('keeps role-phrase marks out of the people score and checks whom they name', () => {
    const score = scorePage(
      [
        mark('person', 'Sir Keir'),
        mark('person', 'The Prime Minister', {
          via: 'role',
          label: 'The Prime Minister, Keir Starmer (Person)',
        }),
        mark('person', 'Sergey Lavrov', { conflict: true }),
        mark('figure', '2027'),
      ],
      gold,
    );
    expect(score.people.predicted).toBe(2);
    expect(score.people.correct).toEqual(['Sir Keir']);
    expect(score.rolePhrases).toEqual([
      { text: 'the Prime Minister', refersTo: 'Keir Starmer', resolved: true },
    ]);
    expect(score.roleConflicts).toEqual([{ mention: 'Russia defence minister Sergey Lavrov', marked: true }]);
    expect(score.figures.missed).toEqual(['£13.4 billion']);
  });

  it('does not count a role phrase that names the wrong person', () => {
    const score = scorePage(
      [mark('person', 'the Prime Minister', { via: 'role', label: 'Rishi Sunak' })],
      gold,
    );
    expect(score.rolePhrases[0]?.resolved).toBe(false);
  });

  it('sums pages as a micro average and prints n/a for an empty denominator', () => {
    const a = scoreSets(['x', 'y'], ['x']);
    const b = scoreSets(['z'], ['z', 'w']);
    expect(totals([a, b])).toEqual({ correct: 2, predicted: 3, gold: 3 });
    expect(percent(2, 3)).toBe('66.7%');
    expect(percent(0, 0)).toBe('n/a');
  });
});
