/**
 * Content script: marks names and figures on http(s) pages and opens cards over them.
 * It only reads the page and asks the extension's own background; page text never leaves the browser.
 */
import '../../components/card.css';
import { handleMessages } from '../../messaging/channel';
import type { ArticleSummary, ContentProtocol } from '../../messaging/protocol';
import { CardController, type CardModel } from './card-controller';
import { runPass } from './page-pass';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let models: CardModel[] = [];
    let markToModel = new Map<Element, number>();
    let summary: ArticleSummary | null = null;

    const controller = new CardController(ctx, (mark) => {
      const index = markToModel.get(mark);
      return index === undefined ? undefined : models[index];
    });
    controller.listen(document);

    const stop = handleMessages<ContentProtocol>({ articleSummary: async () => summary });
    ctx.onInvalidated(stop);

    const root = document.documentElement;
    try {
      const result = await runPass(document, ctx.signal);
      ({ models, markToModel, summary } = result);
      root.setAttribute('data-backstory-state', 'ready');
    } catch (error) {
      console.error('[backstory] page pass failed', error);
      root.setAttribute('data-backstory-state', 'error');
    }
  },
});
