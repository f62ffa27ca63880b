/**
 * When to read a page again after it changes: content arriving by infinite scroll or client-side
 * rendering, and navigation inside a single-page app. Bursts of changes are debounced into one pass,
 * passes per minute are capped, and one pass takes a bounded amount of new text, so a busy page (a live
 * ticker, an ad rotator) never keeps the content script working. Pure bookkeeping over millisecond
 * timestamps, so it is tested without a browser.
 */

/** A full pass finds the article anew (first load, navigation); an incremental one reads only new content. */
export type PassKind = 'full' | 'incremental';

export interface PassLimits {
  /** A pass waits for this long without changes, so one burst of inserts is read once. */
  quietMs: number;
  /** ...but never longer than this after the first change, so a page that never settles is still read. */
  maxWaitMs: number;
  /** At most this many passes start within any `windowMs`. */
  maxPassesPerWindow: number;
  windowMs: number;
  /** New text one incremental pass takes; the rest waits for the next pass. */
  maxCharsPerPass: number;
  /**
   * Full passes that changes alone may ask for while no article has been found (a page rendered by
   * script after load). Navigation grants them again; an app that is no article stops asking.
   */
  maxChangeFullPasses: number;
  /** An added `<article>` with less text than this is a teaser card, not an article. */
  minArticleChars: number;
}

export const DEFAULT_PASS_LIMITS: PassLimits = {
  quietMs: 400,
  maxWaitMs: 2000,
  maxPassesPerWindow: 12,
  windowMs: 60_000,
  maxCharsPerPass: 40_000,
  maxChangeFullPasses: 3,
  minArticleChars: 200,
};

/** Debounce and rate bookkeeping for the passes after the first. */
export class PassPlanner {
  private pending: PassKind | null = null;
  private pendingIsNavigation = false;
  private firstChangeAt = 0;
  private lastChangeAt = 0;
  private readonly starts: number[] = [];
  private changeFullPassesLeft: number;

  constructor(private readonly limits: PassLimits = DEFAULT_PASS_LIMITS) {
    this.changeFullPassesLeft = limits.maxChangeFullPasses;
  }

  /**
   * Content arrived. `full` asks to look for the article anew (none was found yet); it is refused, and
   * false returned, once such passes are used up.
   */
  noteChange(now: number, kind: PassKind): boolean {
    if (kind === 'full' && this.pending !== 'full' && this.changeFullPassesLeft <= 0) return false;
    this.request(now, kind);
    return true;
  }

  /** The page moved to a new URL without loading: the next pass reads the new article in full. */
  noteNavigation(now: number): void {
    this.changeFullPassesLeft = this.limits.maxChangeFullPasses;
    this.pendingIsNavigation = true;
    this.request(now, 'full');
  }

  /** The kind of the pass waiting to run, if any. */
  pendingKind(): PassKind | null {
    return this.pending;
  }

  /** Milliseconds until the waiting pass may start (0: now); null when no pass is waiting. */
  delay(now: number): number | null {
    if (this.pending === null) return null;
    const settled = Math.min(
      this.lastChangeAt + this.limits.quietMs,
      this.firstChangeAt + this.limits.maxWaitMs,
    );
    return Math.max(0, settled - now, this.nextSlot(now) - now);
  }

  /** Starts the waiting pass when it is due: returns its kind and clears it, or null when not yet. */
  begin(now: number): PassKind | null {
    const wait = this.delay(now);
    if (wait === null || wait > 0) return null;
    const kind = this.pending;
    if (kind === 'full' && !this.pendingIsNavigation) this.changeFullPassesLeft--;
    this.pending = null;
    this.pendingIsNavigation = false;
    this.starts.push(now);
    return kind;
  }

  /** A full pass ended; once it has found an article, later changes may ask for full passes again. */
  endFull(foundArticle: boolean): void {
    if (foundArticle) this.changeFullPassesLeft = this.limits.maxChangeFullPasses;
  }

  private request(now: number, kind: PassKind): void {
    if (this.pending === null) this.firstChangeAt = now;
    this.lastChangeAt = now;
    // A full pass reads everything an incremental one would.
    if (this.pending !== 'full') this.pending = kind;
  }

  /** The earliest time a pass may start under the rate cap. */
  private nextSlot(now: number): number {
    while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - this.limits.windowMs) this.starts.shift();
    if (this.starts.length < this.limits.maxPassesPerWindow) return now;
    return (this.starts[0] ?? now) + this.limits.windowMs;
  }
}

/**
 * How many of the pending pieces of new content (text lengths, oldest first) one pass takes: as many as
 * fit in `maxChars`, and always the first, so an oversized piece is read rather than starved.
 */
export function takeWithinBudget(sizes: readonly number[], maxChars: number): number {
  let total = 0;
  let count = 0;
  for (const size of sizes) {
    if (count > 0 && total + size > maxChars) break;
    total += size;
    count++;
  }
  return count;
}

/** What the page shows about a text node that was just added, as the content script's observer sees it. */
export interface AddedText {
  hasLetters: boolean;
  /** A pass has read the text of the element it was added to. */
  parentRead: boolean;
  /** It comes right after one of Backstory's marks. */
  afterOwnMark: boolean;
  /** The element it was added to still holds one of Backstory's marks. */
  parentHoldsOwnMark: boolean;
}

/**
 * Whether an added text node is new content: `new` (read it), `reread` (the page rewrote the text of an
 * element a pass has read, as an app reusing its headline element does: read the element again) or
 * `skip`. Wrapping a mark splits a text node, and the rest lands right after the mark in the same
 * element: that is Backstory's own change. An edit beside marks the page keeps is skipped too, since
 * reading the element again would take the words around the marks out of their sentence.
 */
export function judgeAddedText(text: AddedText): 'new' | 'reread' | 'skip' {
  if (!text.hasLetters) return 'skip';
  if (!text.parentRead) return 'new';
  if (text.afterOwnMark || text.parentHoldsOwnMark) return 'skip';
  return 'reread';
}

/** True when a same-document URL change shows another page; a new `#fragment` is the same article. */
export function isNewPage(oldUrl: string, newUrl: string): boolean {
  const strip = (url: string) => {
    try {
      const u = new URL(url);
      u.hash = '';
      return u.href;
    } catch {
      return url;
    }
  };
  return strip(oldUrl) !== strip(newUrl);
}
