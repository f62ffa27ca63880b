/**
 * What the card's view (entrypoints/card-view/) gives the content script. The view (Preact, the card
 * components, the shadow root and the placement) is a script of its own, loaded on the first card or at
 * idle after the first pass (card-view-loader.ts), so the content script every page runs stays small.
 * This module holds only types and constants, so both sides import it without pulling code in.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardModel } from './card-controller';

export type CardUi = Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>>;

/** What the card does when the reader closes it or moves the pointer onto or off it. */
export interface CardHandlers {
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

export interface CardView {
  /** The card's shadow root with its styles, not yet in the page; `name` is the host element's tag. */
  createUi(ctx: ContentScriptContext, name: string): Promise<CardUi>;
  /** Renders a card into the container and returns its box (`.bs-card`), or null if none rendered. */
  show(container: HTMLElement, model: CardModel, handlers: CardHandlers): HTMLElement | null;
  /** Empties the container. */
  clear(container: HTMLElement): void;
  /** Keeps the card placed by its mark while the page scrolls or resizes; returns a function that stops. */
  followMark(mark: Element, card: HTMLElement, place: (x: number, y: number) => void): () => void;
}

/** The view's script, as built from entrypoints/card-view/ (listed in web_accessible_resources). */
export const CARD_VIEW_PATH = '/card-view.js';
/** The card's style sheet: card.css as built for the content script (`cssInjectionMode: 'manual'`). */
export const CARD_CSS_PATH = '/content-scripts/article.css';
/**
 * Where the view leaves itself when its script runs. The script is a classic one (WXT builds unlisted
 * scripts as IIFEs), so it has no exports to import: it sets this property on the content script's own
 * global, which the page's scripts cannot see (content scripts run in an isolated world).
 */
export const CARD_VIEW_KEY = Symbol.for('backstory.card-view');

export type CardViewGlobal = typeof globalThis & { [CARD_VIEW_KEY]?: CardView };
