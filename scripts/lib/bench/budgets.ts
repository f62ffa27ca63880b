/**
 * The performance budgets `npm run bench -- --check` holds Backstory to, and the check itself. Each budget
 * is judged page by page (the stricter reading: one slow page breaks it), on the medians of the runs.
 */
import type { PageResult } from './results';
import { formatMs, formatRatio, round } from './stats';

export const BUDGETS = {
  /** The content script's main-thread time on an article page, in multiples of the bare TreeWalker. */
  passOverFloor: 3,
  /** Long tasks over 50 ms holding content-script work, per page load (median over runs). */
  longTasks: 0,
  /** From the intent firing (focus, or the hover delay ending) to the frame that paints the card. */
  hoverMs: 16,
  /** gzip -9 of content-scripts/article.js, in bytes (60 kB, SI). */
  contentScriptGzipBytes: 60_000,
  /** The tab's JS heap after a pass minus the same page without the extension, in MB (2^20 bytes). */
  heapDeltaMB: 5,
} as const;

export interface BudgetVerdict {
  budget: string;
  /** The page or file the figure belongs to. */
  scope: string;
  measured: string;
  limit: string;
  holds: boolean;
}

export interface BudgetInput {
  pages: readonly PageResult[];
  contentScriptGzipBytes: number;
  /**
   * How much the tab's heap grows when the database holds 1M aliases instead of the starter pack
   * (bench/db-results.json from `npm run bench:db`), in MB; null when that benchmark has not run.
   */
  heapGrowthWithMillionAliasesMB: number | null;
}

const verdict = (budget: string, scope: string, measured: string, limit: string, holds: boolean) => ({
  budget,
  scope,
  measured,
  limit,
  holds,
});

/** Every budget on every page it applies to. Pass cost applies to article pages (corpus and seed). */
export function checkBudgets(input: BudgetInput): BudgetVerdict[] {
  const out: BudgetVerdict[] = [];
  for (const p of input.pages) {
    if (p.kind !== 'generated')
      out.push(
        verdict(
          'pass cost ≤ 3× floor',
          p.page,
          formatRatio(p.passOverFloor),
          formatRatio(BUDGETS.passOverFloor),
          p.passOverFloor <= BUDGETS.passOverFloor,
        ),
      );
    out.push(
      verdict(
        'no long task over 50 ms',
        p.page,
        `${p.longTasks} (longest ${formatMs(p.longestTaskMs)} ms)`,
        String(BUDGETS.longTasks),
        p.longTasks <= BUDGETS.longTasks,
      ),
    );
    const hover = Math.max(p.hoverFirstMs, p.hoverWarmMs);
    if (Number.isFinite(hover))
      out.push(
        verdict(
          'hover-to-card ≤ 16 ms',
          p.page,
          `${formatMs(p.hoverFirstMs)} first, ${formatMs(p.hoverWarmMs)} after`,
          `${BUDGETS.hoverMs} ms`,
          hover <= BUDGETS.hoverMs,
        ),
      );
    const heap = p.heapDeltaMB + (input.heapGrowthWithMillionAliasesMB ?? 0);
    out.push(
      verdict(
        'tab heap delta ≤ 5 MB',
        p.page,
        `${round(heap, 2)} MB${input.heapGrowthWithMillionAliasesMB === null ? '' : ' (1M aliases)'}`,
        `${BUDGETS.heapDeltaMB} MB`,
        heap <= BUDGETS.heapDeltaMB,
      ),
    );
  }
  out.push(
    verdict(
      'content script ≤ 60 kB gzip',
      'content-scripts/article.js',
      `${input.contentScriptGzipBytes.toLocaleString('en')} bytes`,
      `${BUDGETS.contentScriptGzipBytes.toLocaleString('en')} bytes`,
      input.contentScriptGzipBytes <= BUDGETS.contentScriptGzipBytes,
    ),
  );
  return out;
}

/** One line per broken budget, naming it and the page: "hover-to-card ≤ 16 ms on seed: 21.0 first…". */
export function brokenBudgets(verdicts: readonly BudgetVerdict[]): string[] {
  return verdicts
    .filter((v) => !v.holds)
    .map((v) => `budget broken: ${v.budget} on ${v.scope}: measured ${v.measured}, limit ${v.limit}`);
}
