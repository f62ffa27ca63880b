/**
 * Opens and closes the card. Components only render; this controller owns timing, focus and position.
 * The card's view (Preact, the components, the shadow root) is loaded on the first card or at idle after
 * the first pass (card-view-loader.ts), so the content script every page runs stays small.
 * Hover opens after an intent delay, keyboard focus opens at once, Escape and mouse-out (after a grace
 * period) close. The card is non-modal and focus stays in the page, so it never traps the reader.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityCardProps } from '../../components/EntityCard';
import { formatDate } from '../../components/i18n';
import { followTheme } from '../../components/theme';
import type { FigureContext } from '../../core/article/article-context';
import { benchCardShown, benchNow } from './bench-meter';
import { tabBetweenMarkAndCard } from './card-keyboard';
import type { CardUi, CardView } from './card-view-api';
import { loadCardView } from './card-view-loader';
import { ownMarks } from './text-blocks';

export type CardModel =
  | { type: 'entity'; label: string; props: EntityCardProps }
  | { type: 'figure'; label: string; context: FigureContext };

const INTENT_MS = 200;
const GRACE_MS = 300;

export class CardController {
  private ui: CardUi | null = null;
  /** The card's view (card-view-api.ts), set once its script has loaded. */
  private view: CardView | null = null;
  private uiPending: Promise<CardUi> | null = null;
  private openMark: HTMLElement | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  /** The mark Escape is giving focus back to, whose focus must not reopen its card. */
  private refocused: HTMLElement | null = null;
  /**
   * The mark whose card the reader opened on purpose (Enter, Space, click, the shortcut, the popup): Tab
   * on it enters the card. A card that opened because Tab reached its mark lets Tab go on to the next.
   */
  private invited: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly modelOf: (mark: Element) => CardModel | undefined,
  ) {}

  /** Listens on the document with delegation; every listener is removed when the context is invalidated. */
  listen(doc: Document): void {
    const opts = { signal: this.ctx.signal, capture: true } as const;
    doc.addEventListener('pointerover', (e) => this.onPointerOver(e), opts);
    doc.addEventListener('pointerout', (e) => this.onPointerOut(e), opts);
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), opts);
    doc.addEventListener('focusout', (e) => this.onFocusOut(e), opts);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    doc.addEventListener('click', (e) => this.onClick(e), opts);
    this.ctx.onInvalidated(() => this.close());
  }

  private markFrom(target: EventTarget | null): HTMLElement | null {
    const el = target instanceof Element ? target.closest('[data-backstory]') : null;
    return el instanceof HTMLElement && ownMarks.has(el) ? el : null;
  }

  private cardHost(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  private onPointerOver(event: Event): void {
    const mark = this.markFrom(event.target);
    if (event.target === this.cardHost()) {
      this.cancelHide();
      return;
    }
    if (!mark) return;
    this.cancelHide();
    if (mark === this.openMark) return;
    clearTimeout(this.openTimer);
    this.openTimer = setTimeout(() => void this.open(mark), INTENT_MS);
  }

  private onPointerOut(event: Event): void {
    const mark = this.markFrom(event.target);
    const related = (event as PointerEvent).relatedTarget;
    if (mark && related instanceof Node && mark.contains(related)) return;
    if (mark) clearTimeout(this.openTimer);
    if (this.openMark && (mark === this.openMark || event.target === this.cardHost())) this.scheduleHide();
  }

  private onFocusIn(event: Event): void {
    const mark = this.markFrom(event.target);
    // Focus given back by Escape leaves the card closed; Enter opens it again.
    if (mark && mark === this.refocused) {
      this.refocused = null;
      return;
    }
    if (mark) {
      this.cancelHide();
      void this.open(mark);
    } else if (event.target !== this.cardHost() && this.openMark) {
      this.close();
    }
  }

  private onFocusOut(event: Event): void {
    if (this.markFrom(event.target) !== this.openMark) return;
    const next = (event as FocusEvent).relatedTarget;
    if (next === this.cardHost()) return;
    if (!this.markFrom(next)) this.scheduleHide();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const ui = this.ui;
    if (
      this.openMark &&
      ui &&
      tabBetweenMarkAndCard(event, this.openMark, ui.shadow, this.invited === this.openMark)
    )
      return;
    if (event.key === 'Escape' && this.openMark) {
      const mark = this.openMark;
      const focusWasInCard = document.activeElement === this.cardHost();
      this.close();
      if (focusWasInCard) {
        this.refocused = mark;
        mark.focus();
        this.refocused = null;
      }
      return;
    }
    const mark = this.markFrom(event.target);
    if (mark && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.invited = mark;
      if (this.openMark === mark) this.close();
      else void this.open(mark);
    }
  }

  private onClick(event: Event): void {
    const mark = this.markFrom(event.target);
    // A mark inside a link keeps the link working; only bare marks toggle on click.
    if (!mark || mark.closest('a')) return;
    this.invited = mark;
    if (this.openMark === mark) this.close();
    else void this.open(mark);
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.close(), GRACE_MS);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  /**
   * A page may define its own `<backstory-card>` custom element whose constructor takes the shadow root
   * (attachShadow then throws): the card then uses a host name the page cannot know in advance.
   */
  private preparedUi(): Promise<CardUi> {
    this.uiPending ??= loadCardView().then((view) => {
      this.view = view;
      return this.createUi(view, 'backstory-card').catch(() =>
        this.createUi(view, `backstory-card-${Math.random().toString(36).slice(2, 10)}`),
      );
    });
    // A view that failed to load is tried again on the next card.
    this.uiPending.catch(() => {
      this.uiPending = null;
    });
    return this.uiPending;
  }

  /**
   * Loads the card's view, builds its shadow root and loads its styles ahead of the first card, without
   * putting anything in the page: the first card then opens as fast as the next ones.
   */
  prepare(): void {
    this.preparedUi().catch(() => undefined);
    // The page's first date format loads the locale's calendar data (5–8 ms); cards show dates.
    formatDate('2000-01-01');
  }

  private async mountUi(): Promise<HTMLElement> {
    const ui = await this.preparedUi();
    if (this.ui !== ui) {
      this.ui = ui;
      ui.mount();
    }
    return ui.uiContainer;
  }

  private async createUi(view: CardView, name: string): Promise<CardUi> {
    const ui = await view.createUi(this.ctx, name);
    // The card's colours follow the reader's theme setting (components/theme.ts), live.
    this.ctx.onInvalidated(followTheme(ui.shadowHost));
    return ui;
  }

  /** Opens the card of a mark the reader moved to on purpose (shortcut, popup); Tab then enters it. */
  openInvited(mark: HTMLElement): void {
    this.invited = mark;
    void this.open(mark);
  }

  /** Takes the card out of the page (the reader paused Backstory here); the next card mounts it again. */
  unmount(): void {
    this.close();
    this.ui?.remove();
    this.ui = null;
  }

  async open(mark: HTMLElement): Promise<void> {
    const intent = benchNow();
    const model = this.modelOf(mark);
    if (!model) return;
    const container = await this.mountUi();
    const view = this.view;
    if (!view) return;
    this.openMark?.setAttribute('aria-expanded', 'false');
    this.openMark = mark;
    mark.setAttribute('aria-expanded', 'true');
    const card = view.show(container, model, {
      onClose: () => this.close(),
      onPointerEnter: () => this.cancelHide(),
      onPointerLeave: () => this.scheduleHide(),
    });
    if (!card) return;
    this.stopAutoUpdate?.();
    // Hidden until placed, so the card never flashes at the viewport's corner.
    card.style.visibility = 'hidden';
    this.stopAutoUpdate = view.followMark(mark, card, (x, y) => {
      card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      card.style.visibility = 'visible';
      benchCardShown(intent);
    });
  }

  close(): void {
    clearTimeout(this.openTimer);
    this.cancelHide();
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.openMark?.setAttribute('aria-expanded', 'false');
    this.openMark = null;
    if (this.ui) this.view?.clear(this.ui.uiContainer);
  }
}
