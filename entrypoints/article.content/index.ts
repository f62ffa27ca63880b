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
import { runPass } from './page-pass';
import { PageWatcher, type PassScope } from './page-watcher';
import { PassLog } from './pass-log';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    benchStart();
    const log = new PassLog();
    const controller = new CardController(ctx, (mark) => log.modelOf(mark));
    controller.listen(document);

    const stop = handleMessages<ContentProtocol>({ articleSummary: async () => log.summary() });
    ctx.onInvalidated(stop);

    const root = document.documentElement;
    let passes = 0;
    // `runPass` is called synchronously here: it collects its text before its first await, as the
    // watcher requires.
    const runOnePass = async (scope: PassScope | null) => {
      const result = await runPass(document, ctx.signal, scope);
      log.add(result);
      // Tests wait on this count for later passes; `data-backstory-state` stays the first pass's.
      root.setAttribute('data-backstory-passes', String(++passes));
    };
    try {
      // The first pass starts in a task of its own, not in the one that evaluated this script.
      await new IdleSlicer(ctx.signal).yield();
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
