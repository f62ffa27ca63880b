/**
 * Pack imports in the background, one at a time: each is staged (streamed, in batches, invisible),
 * activated in one transaction, and its replaced install collected afterwards. The queue remembers the
 * running import's progress for the popup's `dbStatus`.
 */
import browser from 'webextension-polyfill';
import type { ImportProgress } from '../../messaging/protocol';
import type { BackstoryDB } from '../../storage/db';
import {
  activateOrDiscard,
  collectGarbage,
  type ImportResult,
  type PackStream,
  stagePack,
} from '../../storage/pack-import';

export interface ImportOptions {
  /** `'active'` stages the pack as a delta on the active version. */
  base?: 'active';
  /** Rows per write transaction (default STAGE_BATCH). */
  batchSize?: number;
}

export class ImportQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private current: ImportProgress | null = null;

  constructor(private readonly db: BackstoryDB) {}

  /** The import running now, if any. */
  progress(): ImportProgress | null {
    return this.current && { ...this.current };
  }

  /**
   * Queues the import of the pack `open` returns and resolves once it is active (the replaced version's
   * rows are then collected in the background).
   */
  importPack(open: () => Promise<PackStream>, options: ImportOptions = {}): Promise<ImportResult> {
    const result = this.tail.then(() => this.run(open, options));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Runs `task` (a sync of one source) in the queue: no import starts until it has ended. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Collects installs that are neither active nor being staged (at start-up: what a killed worker left). */
  collectGarbage(): Promise<string[]> {
    return collectGarbage(this.db);
  }

  private async run(open: () => Promise<PackStream>, options: ImportOptions): Promise<ImportResult> {
    const pack = await open();
    const { id: packId, title } = pack.manifest;
    this.current = { packId, title, done: 0, total: pack.total };
    // Chrome stops a worker that has handled no extension event or API call for 30 s, even mid-fetch;
    // any extension API call resets that timer (Chrome 110+).
    // https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle
    const keepAlive = setInterval(
      () => void browser.runtime.getPlatformInfo().catch(() => undefined),
      20_000,
    );
    try {
      const staged = await stagePack(this.db, pack.manifest, pack.records(), {
        total: pack.total,
        base: options.base,
        batchSize: options.batchSize,
        onProgress: ({ done, total }) => {
          this.current = { packId, title, done, total };
        },
      });
      const { retired } = await activateOrDiscard(this.db, staged);
      if (retired) {
        this.collectGarbage().catch((error: unknown) => {
          console.error('[backstory] collecting the replaced pack failed', error);
        });
      }
      return { key: staged.key, counts: staged.counts, retired };
    } finally {
      clearInterval(keepAlive);
      this.current = null;
    }
  }
}
