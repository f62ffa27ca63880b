/**
 * Keeps reading a page that changes after load: an article appended by infinite scroll, content an app
 * renders late, a new article after same-document navigation. A MutationObserver notes new content in
 * the article (or a new `<article>`), the planner in core/article/pass-budget.ts debounces and rate-caps
 * the passes, and every pass reads only text no earlier pass has read, so nothing is marked twice.
 * Changes Backstory makes itself (marks, split text nodes, the card) are no reason for a pass.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  DEFAULT_PASS_LIMITS,
  isNewPage,
  judgeAddedText,
  type PassLimits,
  PassPlanner,
  takeWithinBudget,
} from '../../core/article/pass-budget';
import { benchPhase, benchWithin } from './bench-meter';
import { findArticleRegion } from './main-content';
import { ownMarks } from './text-blocks';

/** What one pass reads: text under `root` whose parent element `keeps` accepts. */
export interface PassScope {
  root: Element;
  keeps: (el: Element) => boolean;
  /**
   * Called by the pass right after each stretch of its own writes (marks): the watcher drops the change
   * records those writes queued, unread. Nothing else runs between the writes and this call, so every
   * record dropped is Backstory's own; reading them one by one cost a 50,000-word page a tenth of a
   * second for nothing.
   */
  forgetOwnChanges?: () => void;
}

/**
 * Runs one pass. It must collect its text synchronously, before its first `await` (as `runPass` does):
 * the watcher starts observing right after the first call, so content is either in that pass or new.
 */
export type PassRunner = (scope: PassScope | null) => Promise<void>;

/** Added elements whose text is never read, so adding them is no reason for a pass. */
const INERT_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'LINK',
  'META',
  'IFRAME',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'SVG',
  'CANVAS',
  'BACKSTORY-CARD',
]);

/** Page chrome that may arrive inside new content; its text is not the article's. */
const CHROME = 'nav, aside, footer, form, [role="navigation"], [role="complementary"], [role="contentinfo"]';

const HAS_LETTER = /\p{L}/u;

/** Past this many separate pieces of new content, the article roots stand for all of them. */
const MAX_PENDING = 64;

/** The nearest of `scopes` holding `el` (or `el` itself), walking up. */
function scopeOf(el: Element, scopes: ReadonlySet<Element>): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (scopes.has(node)) return node;
  return null;
}

function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor = elements[0] ?? null;
  for (const el of elements) while (ancestor && !ancestor.contains(el)) ancestor = ancestor.parentElement;
  return ancestor;
}

function holdsOwnMark(el: Element): boolean {
  return [...el.querySelectorAll('[data-backstory]')].some((mark) => ownMarks.has(mark));
}

/** Changes inside our own marks and card, the head, or an editor being typed in are not new content. */
function isPageChange(target: Node): boolean {
  const el = target instanceof Element ? target : target.parentElement;
  if (!el?.isConnected || el.closest('head, backstory-card')) return false;
  const mark = el.closest('[data-backstory]');
  if (mark && ownMarks.has(mark)) return false;
  return !(el instanceof HTMLElement && el.isContentEditable);
}

export class PageWatcher {
  private readonly planner: PassPlanner;
  /** Text parents a pass has read. They are never read again: a re-read would mark leftovers out of context. */
  private readonly read = new WeakSet<Element>();
  /** The article region and articles added later; content added inside them is read. */
  private roots = new Set<Element>();
  /** New content waiting for an incremental pass: outermost elements only, oldest first. */
  private pending: Element[] = [];
  private readonly observer = new MutationObserver((records) => benchWithin(() => this.onMutations(records)));
  private timer: number | undefined;
  private busy = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly run: PassRunner,
    private readonly limits: PassLimits = DEFAULT_PASS_LIMITS,
  ) {
    this.planner = new PassPlanner(limits);
  }

  /** Runs the first pass and watches the page from then on; resolves (or rejects) when the first pass ends. */
  async start(): Promise<void> {
    this.busy = true;
    const first = this.fullPass();
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => this.stop());
    this.ctx.addEventListener(window, 'wxt:locationchange', (event) =>
      this.onLocationChange(event.oldUrl.href, event.newUrl.href),
    );
    try {
      await first;
    } finally {
      this.busy = false;
      this.schedule();
    }
  }

  private readonly forgetOwnChanges = (): void => {
    this.observer.takeRecords();
  };

  private stop(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.pending = [];
  }

  private onLocationChange(oldUrl: string, newUrl: string): void {
    if (!isNewPage(oldUrl, newUrl)) return;
    // The navigate event comes before the app swaps its content; the debounce waits for the swap.
    this.planner.noteNavigation(performance.now());
    this.schedule();
  }

  private onMutations(records: readonly MutationRecord[]): void {
    let inArticle = false;
    let elsewhere = false;
    for (const record of records) {
      if (!isPageChange(record.target)) continue;
      for (const node of record.addedNodes) {
        const where = this.classify(node);
        if (where === 'article') inArticle = true;
        else if (where === 'elsewhere') elsewhere = true;
      }
    }
    const now = performance.now();
    if (inArticle) this.planner.noteChange(now, 'incremental');
    // With no article on the page yet (rendered by script), new content may be it.
    if (elsewhere && !this.hasArticle()) this.planner.noteChange(now, 'full');
    if (inArticle || elsewhere) this.schedule();
  }

  /** Where an added node's new text is; in the article it is queued for the next pass. */
  private classify(node: Node): 'article' | 'elsewhere' | null {
    const el = this.newContent(node);
    if (!el) return null;
    if (scopeOf(el, this.roots)) {
      this.addPending(el);
      return 'article';
    }
    const articles = this.articlesIn(el);
    for (const article of articles) {
      this.roots.add(article);
      this.addPending(article);
    }
    return articles.length > 0 ? 'article' : 'elsewhere';
  }

  /** The element holding the text a node brings (itself, or a text node's parent); null for none. */
  private newContent(node: Node): Element | null {
    if (node instanceof Text) {
      const parent = node.parentElement;
      if (!parent?.isConnected) return null;
      const before = node.previousSibling;
      const hasLetters = HAS_LETTER.test(node.data);
      const parentRead = this.read.has(parent);
      const afterOwnMark = before instanceof Element && ownMarks.has(before);
      // Only asked when it decides the verdict: it queries the whole element.
      const parentHoldsOwnMark = hasLetters && parentRead && !afterOwnMark && holdsOwnMark(parent);
      const verdict = judgeAddedText({ hasLetters, parentRead, afterOwnMark, parentHoldsOwnMark });
      if (verdict === 'skip') return null;
      if (verdict === 'reread') this.read.delete(parent);
      return parent;
    }
    if (!(node instanceof Element) || !node.isConnected) return null;
    if (INERT_TAGS.has(node.tagName) || ownMarks.has(node)) return null;
    return HAS_LETTER.test(node.textContent ?? '') ? node : null;
  }

  /**
   * The articles new content brings: the `<article>` it was added to, or those inside it, when long
   * enough to be an article and not a teaser. Content added to the article that holds the region (outside
   * the part Readability chose) is taken as it is, so the article's share bars stay unread.
   */
  private articlesIn(el: Element): Element[] {
    const around = el.closest('article');
    if (around && this.holdsRoot(around)) return [el];
    const found = around ? [around] : [...el.querySelectorAll('article')];
    // An article holding a root is the page's own article moved by its script, not a new one.
    return found.filter(
      (a) =>
        !this.holdsRoot(a) &&
        !found.some((b) => b !== a && b.contains(a)) &&
        (a.textContent?.length ?? 0) >= this.limits.minArticleChars,
    );
  }

  private holdsRoot(el: Element): boolean {
    return [...this.roots].some((root) => el.contains(root));
  }

  private addPending(el: Element): void {
    if (this.pending.some((p) => p.contains(el))) return;
    this.pending = this.pending.filter((p) => !el.contains(p));
    this.pending.push(el);
    // The read set keeps old text out, so the roots can stand for any number of new pieces in them.
    if (this.pending.length > MAX_PENDING) this.pending = [...this.roots].filter((r) => r.isConnected);
  }

  private hasArticle(): boolean {
    return [...this.roots].some((root) => root.isConnected);
  }

  private schedule(): void {
    if (this.busy || this.ctx.isInvalid) return;
    clearTimeout(this.timer);
    const wait = this.planner.delay(performance.now());
    this.timer = wait === null ? undefined : this.ctx.setTimeout(() => void this.fire(), wait);
  }

  private async fire(): Promise<void> {
    this.timer = undefined;
    if (this.busy || this.ctx.isInvalid) return;
    const kind = this.planner.begin(performance.now());
    if (!kind) {
      this.schedule();
      return;
    }
    this.busy = true;
    try {
      await (kind === 'full' ? this.fullPass() : this.incrementalPass());
    } catch (error) {
      console.error('[backstory] page pass failed', error);
    } finally {
      this.busy = false;
      this.schedule();
    }
  }

  /** Finds the article anew (first load, navigation) and reads what no pass has read yet. */
  private fullPass(): Promise<void> {
    benchPhase('extract');
    const region = findArticleRegion(this.doc);
    this.roots = new Set(region ? [region.root] : []);
    this.pending = [];
    const scope = region
      ? { root: region.root, keeps: this.unread(region.keeps), forgetOwnChanges: this.forgetOwnChanges }
      : null;
    return this.run(scope).finally(() => this.planner.endFull(region !== null));
  }

  /** Reads the new content queued since the last pass, as much as one pass may take. */
  private incrementalPass(): Promise<void> {
    const scopes = this.takeScopes();
    const root = commonAncestor(scopes);
    if (!root) return Promise.resolve();
    const set = new Set(scopes);
    const keeps = (el: Element) => {
      const scope = scopeOf(el, set);
      const chrome = scope ? el.closest(CHROME) : null;
      return scope !== null && !(chrome && scope.contains(chrome));
    };
    return this.run({ root, keeps: this.unread(keeps), forgetOwnChanges: this.forgetOwnChanges });
  }

  /** The oldest pending content within the text budget; what is left waits for another pass. */
  private takeScopes(): Element[] {
    const live = this.pending.filter((el) => el.isConnected);
    const count = takeWithinBudget(
      live.map((el) => el.textContent?.length ?? 0),
      this.limits.maxCharsPerPass,
    );
    this.pending = live.slice(count);
    if (this.pending.length > 0) this.planner.noteChange(performance.now(), 'incremental');
    return live.slice(0, count);
  }

  /**
   * `keeps` for one pass, minus text earlier passes read; what it accepts is recorded as read. An element
   * is asked about once per text node in it, so this pass's own picks are remembered apart.
   */
  private unread(keeps: (el: Element) => boolean): (el: Element) => boolean {
    const thisPass = new WeakSet<Element>();
    return (el) => {
      if (thisPass.has(el)) return true;
      if (this.read.has(el) || !keeps(el)) return false;
      thisPass.add(el);
      this.read.add(el);
      return true;
    };
  }
}
