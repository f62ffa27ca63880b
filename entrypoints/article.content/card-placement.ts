/**
 * Where the card goes: below the mark and aligned with its start, 6 px away; flipped to its end or above
 * it when it would leave the viewport; then shifted sideways to stay 8 px inside. This is what Floating
 * UI's `computePosition` does with `placement: 'bottom-start'`, `offset(6)`, `flip()` and
 * `shift({ padding: 8 })`, in the few lines the card needs, so the content script does not carry the
 * library (6 kB gzip of a 60 kB budget). `placeCard` is pure geometry; `followMark` keeps the card placed
 * while the page scrolls or resizes, as Floating UI's `autoUpdate` does.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Side = 'top' | 'bottom';
type Align = 'start' | 'end';
type Edge = 'top' | 'bottom' | 'left' | 'right';

const GAP = 6;
const PADDING = 8;
/** The preferred placement first, then Floating UI's fallbacks for it, in its order. */
const PLACEMENTS: readonly [Side, Align][] = [
  ['bottom', 'start'],
  ['bottom', 'end'],
  ['top', 'start'],
  ['top', 'end'],
];

/** The card's top-left corner for a placement, the gap included. */
function cornerFor(mark: Rect, card: Pick<Rect, 'width' | 'height'>, [side, align]: [Side, Align]) {
  return {
    x: align === 'start' ? mark.x : mark.x + mark.width - card.width,
    y: side === 'bottom' ? mark.y + mark.height + GAP : mark.y - card.height - GAP,
  };
}

/**
 * How far a placed card overflows the viewport on the side it is placed, then on its alignment's two
 * sides (positive: overflowing), as Floating UI's `flip` measures them.
 */
function overflowsOf(
  mark: Rect,
  card: Pick<Rect, 'width' | 'height'>,
  viewport: Rect,
  placement: [Side, Align],
): number[] {
  const { x, y } = cornerFor(mark, card, placement);
  const overflow: Record<Edge, number> = {
    top: viewport.y - y,
    bottom: y + card.height - (viewport.y + viewport.height),
    left: viewport.x - x,
    right: x + card.width - (viewport.x + viewport.width),
  };
  const [side, align] = placement;
  let first: Edge = align === 'start' ? 'right' : 'left';
  if (mark.width > card.width) first = first === 'right' ? 'left' : 'right';
  const second: Edge = first === 'right' ? 'left' : 'right';
  return [overflow[side], overflow[first], overflow[second]];
}

/** The first placement that fits; else one that fits vertically, best sideways; else the least overflow. */
function choosePlacement(mark: Rect, card: Pick<Rect, 'width' | 'height'>, viewport: Rect): [Side, Align] {
  const tried = PLACEMENTS.map((placement) => ({
    placement,
    overflows: overflowsOf(mark, card, viewport, placement),
  }));
  const fits = tried.find((t) => t.overflows.every((o) => o <= 0));
  if (fits) return fits.placement;
  const vertical = tried
    .filter((t) => (t.overflows[0] ?? 0) <= 0)
    .sort((a, b) => (a.overflows[1] ?? 0) - (b.overflows[1] ?? 0))[0];
  if (vertical) return vertical.placement;
  const total = (t: (typeof tried)[number]) => t.overflows.reduce((sum, o) => sum + Math.max(0, o), 0);
  return [...tried].sort((a, b) => total(a) - total(b))[0]?.placement ?? ['bottom', 'start'];
}

/** The card's corner in viewport coordinates, for the mark's and the card's boxes and the viewport. */
export function placeCard(
  mark: Rect,
  card: Pick<Rect, 'width' | 'height'>,
  viewport: Rect,
): { x: number; y: number } {
  const { x, y } = cornerFor(mark, card, choosePlacement(mark, card, viewport));
  const min = viewport.x + PADDING;
  const max = viewport.x + viewport.width - PADDING - card.width;
  return { x: Math.max(min, Math.min(x, max)), y };
}

/** The visible part of the layout viewport, in the coordinates `getBoundingClientRect` uses. */
function viewportRect(): Rect {
  const vv = window.visualViewport;
  const html = document.documentElement;
  return vv
    ? { x: vv.offsetLeft, y: vv.offsetTop, width: vv.width, height: vv.height }
    : { x: 0, y: 0, width: html.clientWidth, height: html.clientHeight };
}

/**
 * Places `card` by its mark now and whenever the page scrolls (any scroller), the window resizes, or the
 * mark, the card or the page changes size. Returns the function that stops following. `place` receives
 * the corner relative to the card's containing block (its fixed host, normally the viewport).
 */
export function followMark(
  mark: Element,
  card: HTMLElement,
  place: (x: number, y: number) => void,
): () => void {
  const update = () => {
    const box = mark.getBoundingClientRect();
    const corner = placeCard(
      { x: box.left, y: box.top, width: box.width, height: box.height },
      { width: card.offsetWidth, height: card.offsetHeight },
      viewportRect(),
    );
    const host = (card.getRootNode() as ShadowRoot).host?.getBoundingClientRect();
    place(corner.x - (host?.left ?? 0), corner.y - (host?.top ?? 0));
  };
  update();
  const options = { capture: true, passive: true } as const;
  document.addEventListener('scroll', update, options);
  window.addEventListener('resize', update, options);
  const resizes = new ResizeObserver(update);
  for (const el of [mark, card, document.documentElement]) resizes.observe(el);
  return () => {
    document.removeEventListener('scroll', update, options);
    window.removeEventListener('resize', update, options);
    resizes.disconnect();
  };
}
