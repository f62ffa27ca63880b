/**
 * Moving between mentions from the keyboard, and revealing the first mention the popup asks for.
 *
 * The shortcut (Alt+Shift+. next, Alt+Shift+, previous) is handled here, in the page, rather than as a
 * manifest `commands` entry relayed by the background: a command fires only in the focused window and
 * needs a round trip through the service worker (woken up if asleep) to the tab, Chrome caps suggested
 * command keys at four, and the page already knows which mark has focus. The listener is on the document
 * in the bubble phase, so the page's own handlers run first; a key the page has handled
 * (`defaultPrevented`), any other combination, and keys typed in a field or editor are left alone.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  type Direction,
  firstAtOrBelow,
  firstMentionOf,
  type MentionTarget,
  stepMention,
} from '../../core/article/mention-order';
import { ownMarks } from './text-blocks';

/** `event.code`, not `event.key`: with Alt held, macOS layouts turn "." into another character. */
const KEYS: Record<string, Direction> = { Period: 'next', Comma: 'previous' };

/** Backstory's marks in document order. */
function marksIn(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>('[data-backstory]')].filter((m) => ownMarks.has(m));
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** Scrolls `mark` into view (smoothly unless the reader prefers reduced motion) and focuses it. */
export function revealMark(mark: HTMLElement): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  // The scroll above is the one the reader asked for; focus must not add a jump of its own.
  mark.focus({ preventScroll: true });
}

/** The first mention of `target` on the page, or null. */
export function firstMention(doc: Document, target: MentionTarget): HTMLElement | null {
  const marks = marksIn(doc);
  const index = firstMentionOf(
    marks.map((m) => ({
      kind: m.getAttribute('data-backstory') ?? '',
      id: m.getAttribute('data-backstory-id') ?? '',
    })),
    target,
  );
  return marks[index] ?? null;
}

/** Moves focus to the next or previous mention and opens its card. */
function step(doc: Document, direction: Direction, open: (mark: HTMLElement) => void): boolean {
  const marks = marksIn(doc);
  const focused = doc.activeElement instanceof HTMLElement ? marks.indexOf(doc.activeElement) : -1;
  // Layout is read only when no mark has focus, to start from where the reader is.
  const firstVisible =
    focused < 0
      ? firstAtOrBelow(
          marks.map((m) => m.getBoundingClientRect().top),
          0,
        )
      : 0;
  const mark = marks[stepMention(marks.length, focused, direction, firstVisible)];
  if (!mark) return false;
  revealMark(mark);
  open(mark);
  return true;
}

/** Listens for the shortcut for as long as the content script runs; `open` opens a mark's card. */
export function listenForMentionKeys(
  ctx: ContentScriptContext,
  doc: Document,
  open: (mark: HTMLElement) => void,
): void {
  ctx.addEventListener(doc, 'keydown', (event: KeyboardEvent) => {
    const direction = KEYS[event.code];
    if (!direction || event.defaultPrevented || !event.altKey || !event.shiftKey) return;
    if (event.ctrlKey || event.metaKey || isEditable(event.target)) return;
    if (step(doc, direction, open)) event.preventDefault();
  });
}

/** Reveals the first mention of `target` and opens its card (asked by the popup); false when there is none. */
export function revealMention(
  doc: Document,
  target: MentionTarget,
  open: (mark: HTMLElement) => void,
): boolean {
  const mark = firstMention(doc, target);
  if (!mark) return false;
  revealMark(mark);
  // Focus opens the card only when the page's window has focus; the popup has it while it is open.
  open(mark);
  return true;
}
