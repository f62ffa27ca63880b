/**
 * Tab between an open mark and its card. The card lives in a shadow root appended to the body, so in the
 * page's own tab order it comes last; this puts it right after its mark, as a disclosure's content would
 * be: Tab on a mark whose card the reader opened on purpose enters the card (a card that opened only
 * because Tab reached the mark is passed by, so tabbing through an article is not slowed by every card),
 * Shift+Tab on the card's first control goes back to the mark, and Tab past its last control leaves by the
 * mark, so the next Tab goes on from where the reader was. Escape (card-controller.tsx) closes the card
 * and returns focus to the mark.
 */

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

function focusables(shadow: ShadowRoot): HTMLElement[] {
  return [...shadow.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.closest('.bs-card'));
}

/**
 * Handles Tab between `mark` and its card in `shadow` (into the card only when `enter`); returns true
 * when it moved focus.
 */
export function tabBetweenMarkAndCard(
  event: KeyboardEvent,
  mark: HTMLElement,
  shadow: ShadowRoot,
  enter: boolean,
): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;
  const inside = focusables(shadow);
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last) return false;
  if (event.target === mark && !event.shiftKey) {
    if (!enter) return false;
    event.preventDefault();
    first.focus();
    return true;
  }
  if (event.target !== shadow.host) return false;
  const active = shadow.activeElement;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    mark.focus();
    return true;
  }
  if (!event.shiftKey && active === last) {
    // No preventDefault: the browser's own Tab then moves on from the mark, to what follows it in the page.
    mark.focus();
    return true;
  }
  return false;
}
