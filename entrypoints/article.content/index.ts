/**
 * Content script: marks names and figures on http(s) pages and opens cards over them.
 * It only reads the page and asks the extension's own background; page text never leaves the browser.
 * After the first pass it keeps watching, so content that arrives later (infinite scroll, single-page
 * navigation) is marked too.
 */
import '../../components/card.css';
import { handleMessages } from '../../messaging/channel';
import type { ContentProtocol } from '../../messaging/protocol';
import { benchPause, benchReady, benchStart } from './bench-meter';
import { CardController } from './card-controller';
import { IdleSlicer } from './idle';
import { removeMarks } from './mark-remover';
import { listenForMentionKeys, revealMention } from './mention-navigator';
import { type PassResult, runPass } from './page-pass';
import { PageWatcher, type PassScope } from './page-watcher';
import { PassLog } from './pass-log';
import { captureReadQuotes } from './quote-capture';
import { ReaderControls } from './reader-controls';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // card.css is built to content-scripts/article.css and loaded into the card's shadow root by the card's
  // view (card-view-api.ts), which is a script of its own: WXT's 'ui' mode would load it from there by
  // that script's name.
  cssInjectionMode: 'manual',
  async main(ctx) {
    benchStart();
    const log = new PassLog();
    const controller = new CardController(ctx, (mark) => log.modelOf(mark));
    controller.listen(document);

    // Reader controls (reader-controls.ts): a paused site has no marks and no card; resuming or changing
    // the kinds to mark runs a new pass over the article.
    const reader = new ReaderControls(ctx, location.hostname, {
      clear: () => {
        controller.unmount();
        removeMarks(document);
      },
      rerun: async (signal) => {
        const result = await runPass(document, signal, reader.freshScope(document));
        if (!signal.aborted) record(result);
      },
    });
    listenForMentionKeys(ctx, document, (mark) => controller.openInvited(mark));
    const stop = handleMessages<ContentProtocol>({
      articleSummary: async () => {
        if (reader.isPaused) return null;
        await reader.settled();
        return log.summary();
      },
      revealMention: async (target) =>
        revealMention(document, target, (mark) => controller.openInvited(mark)),
      readerSite: async () => ({ site: reader.site, paused: reader.isPaused }),
    });
    ctx.onInvalidated(stop);

    const root = document.documentElement;
    let passes = 0;
    // `runPass` is called synchronously here: it collects its text before its first await, as the
    // watcher requires.
    const record = (result: PassResult) => {
      log.add(result);
      // The popup brief lists what this pass sent for capture (summary-merge.ts keeps it per pass).
      void captureReadQuotes(result, document).then((sent) => {
        if (sent.length > 0) result.summary.captured = sent;
      });
      // Tests wait on this count for later passes; `data-backstory-state` stays the first pass's.
      root.setAttribute('data-backstory-passes', String(++passes));
    };
    const runOnePass = async (scope: PassScope | null) => {
      // While paused the watcher's passes do nothing; resuming reads the article afresh.
      if (reader.isPaused) return;
      const signal = reader.signal;
      const result = await runPass(document, signal, reader.watcherScope(scope));
      if (!signal.aborted) record(result);
    };
    try {
      // The first pass starts in a task of its own, not in the one that evaluated this script.
      await new IdleSlicer(ctx.signal).yield();
      await reader.load();
      const first = new PageWatcher(ctx, document, runOnePass).start();
      benchPause();
      await first;
      root.setAttribute('data-backstory-state', 'ready');
      benchReady();
      controller.prepare();
    } catch (error) {
      console.error('[backstory] page pass failed', error);
      root.setAttribute('data-backstory-state', 'error');
    }
  },
});
