/**
 * The card's view as a script of its own (see article.content/card-view-api.ts): the content script
 * imports it from the extension on the first card, or at idle after the first pass, and it hands itself
 * over on the content script's global.
 */
import { CARD_VIEW_KEY, type CardViewGlobal } from '../article.content/card-view-api';
import { cardView } from './card-view';

export default defineUnlistedScript(() => {
  (globalThis as CardViewGlobal)[CARD_VIEW_KEY] = cardView;
});
