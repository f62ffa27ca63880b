/**
 * The reader's controls in the page: "pause on this site" and the kinds to mark, read before the first
 * pass and watched after it, so a change made in the popup or the options page takes effect in this tab
 * at once. Pausing ends the current session (a pass in flight writes no more marks), then removes every
 * mark and the card and gives the page back its own text nodes; resuming, or changing the kinds, starts
 * a new session with a fresh pass over the article.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  ALL_KINDS,
  type MarkKind,
  type MarkKinds,
  markKindsItem,
  normaliseKinds,
  pausedSitesItem,
  readMarkKinds,
} from '../../settings/reader-settings';
import { findArticleRegion } from './main-content';
import type { PassScope } from './page-watcher';

/** The kinds the reader wants marked; role marks are `person`. Module state: one content script per page. */
let markedKinds: MarkKinds = ALL_KINDS;

/** True when marks of `kind` are wanted (page-pass.ts drops the others before writing). */
export function marksKind(kind: string): boolean {
  return markedKinds[kind as MarkKind] ?? true;
}

/** Set on the root while paused, so the page's state can be told (tests wait on it). */
const PAUSED_ATTRIBUTE = 'data-backstory-paused';

export interface ReaderHooks {
  /** Takes every mark and card out of the page. */
  clear(): void;
  /** Runs a pass over the article in a new session. */
  rerun(signal: AbortSignal): Promise<void>;
}

export class ReaderControls {
  private paused = false;
  private session = new AbortController();
  private rerunning: Promise<void> = Promise.resolve();
  /** Text parents read by a fresh pass of this class's making (see `watcherScope`). */
  private readonly readAfresh = new WeakSet<Element>();

  constructor(
    private readonly ctx: ContentScriptContext,
    /** This page's site as the pause list keys it (its host name). */
    readonly site: string,
    private readonly hooks: ReaderHooks,
  ) {}

  /** Reads the settings before the first pass, then follows their changes. */
  async load(): Promise<void> {
    // Settings that cannot be read leave the page marked as by default rather than not at all.
    const [sites, kinds] = await Promise.all([pausedSitesItem.getValue(), readMarkKinds()]).catch(
      (error: unknown) => {
        console.error('[backstory] reader settings unreadable', error);
        return [[] as string[], ALL_KINDS] as const;
      },
    );
    markedKinds = kinds;
    this.setPaused(sites.includes(this.site));
    const unwatchSites = pausedSitesItem.watch((list) =>
      this.onPausedChange((list ?? []).includes(this.site)),
    );
    const unwatchKinds = markKindsItem.watch((value) => this.onKindsChange(normaliseKinds(value)));
    this.ctx.onInvalidated(() => {
      unwatchSites();
      unwatchKinds();
      this.session.abort();
    });
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** The current session's signal: aborted when the page is paused, the kinds change, or the script ends. */
  get signal(): AbortSignal {
    return AbortSignal.any([this.ctx.signal, this.session.signal]);
  }

  /** Resolves once a pass started by resuming or by a change of kinds has ended. */
  settled(): Promise<void> {
    return this.rerunning;
  }

  /** The article as a pass of a new session reads it; what it reads is remembered. */
  freshScope(doc: Document): PassScope | null {
    const region = findArticleRegion(doc);
    if (!region) return null;
    return {
      root: region.root,
      keeps: (el) => {
        if (!region.keeps(el)) return false;
        this.readAfresh.add(el);
        return true;
      },
    };
  }

  /**
   * A page watcher's scope minus what a fresh pass has read: taking the marks out looks to the watcher
   * like the page rewriting those paragraphs, and reading them twice would mark them twice.
   */
  watcherScope(scope: PassScope | null): PassScope | null {
    if (!scope) return null;
    // The rest of the scope (forgetOwnChanges) goes along: without it the watcher would read every
    // record of the pass's own mark writes.
    return { ...scope, keeps: (el) => !this.readAfresh.has(el) && scope.keeps(el) };
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) document.documentElement.setAttribute(PAUSED_ATTRIBUTE, '');
    else document.documentElement.removeAttribute(PAUSED_ATTRIBUTE);
  }

  /** Ends the session: a pass in flight checks the signal before writing each block's marks. */
  private endSession(): void {
    this.session.abort();
    this.session = new AbortController();
    this.hooks.clear();
  }

  private rerun(): void {
    const signal = this.signal;
    this.rerunning = this.rerunning
      .then(() => (signal.aborted ? undefined : this.hooks.rerun(signal)))
      .catch((error) => console.error('[backstory] page pass failed', error));
  }

  private onPausedChange(paused: boolean): void {
    if (paused === this.paused || this.ctx.isInvalid) return;
    this.setPaused(paused);
    this.endSession();
    if (!paused) this.rerun();
  }

  private onKindsChange(kinds: MarkKinds): void {
    if (this.ctx.isInvalid || JSON.stringify(kinds) === JSON.stringify(markedKinds)) return;
    markedKinds = kinds;
    if (this.paused) return;
    this.endSession();
    this.rerun();
  }
}
