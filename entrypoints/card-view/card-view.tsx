/**
 * The card's view: the shadow root it lives in, its styles, its Preact components and its placement.
 * The content script's card controller (article.content/card-controller.ts) keeps the timing, focus and
 * keyboard; this only builds, renders and places.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CardShell } from '../../components/CardShell';
import { EntityCard } from '../../components/EntityCard';
import { FigureCard } from '../../components/FigureCard';
import type { CardModel } from '../article.content/card-controller';
import { followMark } from '../article.content/card-placement';
import {
  CARD_CSS_PATH,
  type CardHandlers,
  type CardUi,
  type CardView,
} from '../article.content/card-view-api';

let cardCss: Promise<string> | undefined;

/**
 * The card's style sheet as text, loaded once, as WXT's `cssInjectionMode: 'ui'` does it (`:root` rules
 * apply to the shadow host); a sheet that fails to load leaves the card unstyled rather than unopenable.
 */
function loadCardCss(): Promise<string> {
  cardCss ??= fetch((browser.runtime.getURL as (path: string) => string)(CARD_CSS_PATH))
    .then((response) => response.text())
    .then((css) => css.replaceAll(':root', ':host'))
    .catch((error: unknown) => {
      console.warn('[backstory] card styles did not load', error);
      return '';
    });
  return cardCss;
}

async function createUi(ctx: ContentScriptContext, name: string): Promise<CardUi> {
  return createShadowRootUi<HTMLElement>(ctx, {
    name,
    css: await loadCardCss(),
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // The host's fixed, zero-size box is set in card.css: inline styles lose to WXT's !important reset.
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
}

function show(container: HTMLElement, model: CardModel, handlers: CardHandlers): HTMLElement | null {
  const kind = model.type === 'figure' ? 'figure' : model.props.context ? model.props.kind : 'unknown';
  render(
    <CardShell kind={kind} label={model.label} {...handlers}>
      {model.type === 'figure' ? <FigureCard context={model.context} /> : <EntityCard {...model.props} />}
    </CardShell>,
    container,
  );
  return container.querySelector<HTMLElement>('.bs-card');
}

export const cardView: CardView = {
  createUi,
  show,
  clear: (container) => render(null, container),
  followMark,
};
