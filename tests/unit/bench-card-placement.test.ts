import { describe, expect, it } from 'vitest';
import { placeCard } from '../../entrypoints/article.content/card-placement';

const viewport = { x: 0, y: 0, width: 1280, height: 900 };
const card = { width: 380, height: 280 };

describe('placing the card by its mark (Floating UI’s bottom-start, offset 6, flip, shift 8)', () => {
  it('puts the card 6 px below the mark, aligned with its start', () => {
    expect(placeCard({ x: 144.5, y: 207.8, width: 118.8, height: 21 }, card, viewport)).toEqual({
      x: 144.5,
      y: 207.8 + 21 + 6,
    });
  });

  it('aligns the card with the mark’s end when its start would run off the right edge', () => {
    const mark = { x: 1100, y: 300, width: 120, height: 20 };
    expect(placeCard(mark, card, viewport)).toEqual({ x: 1220 - 380, y: 326 });
  });

  it('flips the card above the mark when there is no room below', () => {
    const mark = { x: 100, y: 800, width: 80, height: 20 };
    expect(placeCard(mark, card, viewport)).toEqual({ x: 100, y: 800 - 280 - 6 });
  });

  it('shifts the card to stay 8 px inside the viewport when no alignment fits sideways', () => {
    const narrow = { x: 0, y: 0, width: 400, height: 900 };
    const mark = { x: 150, y: 100, width: 60, height: 20 };
    expect(placeCard(mark, card, narrow)).toEqual({ x: 400 - 8 - 380, y: 126 });
  });

  it('keeps the side that fits vertically when sideways nothing fits', () => {
    const small = { x: 0, y: 0, width: 300, height: 500 };
    const mark = { x: 120, y: 50, width: 40, height: 20 };
    expect(placeCard(mark, card, small).y).toBe(76);
  });

  it('takes the placement with the least overflow when it fits nowhere', () => {
    const tiny = { x: 0, y: 0, width: 300, height: 200 };
    const nearTop = { x: 100, y: 20, width: 40, height: 20 };
    const nearBottom = { x: 100, y: 170, width: 40, height: 20 };
    expect(placeCard(nearTop, card, tiny).y).toBe(46);
    expect(placeCard(nearBottom, card, tiny).y).toBe(170 - 280 - 6);
  });
});
