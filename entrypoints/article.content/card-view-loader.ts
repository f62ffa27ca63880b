/**
 * Loads the card's view (entrypoints/card-view/) into the content script once. It is a web-accessible
 * extension file imported with `import()`, which content scripts may do in Chrome and in Firefox; the
 * module runs in the content script's isolated world, so the page's Content-Security-Policy does not apply.
 */
import browser from 'webextension-polyfill';
import { CARD_VIEW_KEY, CARD_VIEW_PATH, type CardView, type CardViewGlobal } from './card-view-api';

let loading: Promise<CardView> | undefined;

/** The card's view, imported on the first call; a failed import is tried again on the next call. */
export function loadCardView(): Promise<CardView> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(CARD_VIEW_PATH))
    .then(() => {
      const view = (globalThis as CardViewGlobal)[CARD_VIEW_KEY];
      if (!view) throw new Error(`${CARD_VIEW_PATH} did not register the card view`);
      return view;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
