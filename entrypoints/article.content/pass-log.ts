/**
 * What the passes over one page produced, kept together: the card model behind every mark from any pass,
 * and the popup summary of the content still on the page.
 */
import { briefOfFigure } from '../../core/article/figure-brief';
import { keepLive, mergeSummaries } from '../../core/article/summary-merge';
import type { ArticleSummary, SummaryFigure } from '../../messaging/protocol';
import type { CardModel } from './card-controller';
import type { PassResult } from './page-pass';

/**
 * How many of the brief's figures get their context. It is read when the popup asks, not during the pass,
 * and a figure's context costs about a millisecond on the longest pages.
 */
const FIGURES_WITH_CONTEXT = 30;

interface LoggedPass {
  summary: ArticleSummary;
  marks: Element[];
}

export class PassLog {
  /** Weak, so marks a page removes (an SPA swapping its article) take their models with them. */
  private readonly models = new WeakMap<Element, CardModel>();
  private passes: LoggedPass[] = [];

  add(result: PassResult): void {
    const marks: Element[] = [];
    for (const [mark, index] of result.markToModel) {
      const model = result.models[index];
      if (!model) continue;
      this.models.set(mark, model);
      marks.push(mark);
    }
    this.passes.push({ summary: result.summary, marks });
    // A pass none of whose marks is left has nothing to add; dropping it keeps the log bounded.
    const newest = this.passes.at(-1);
    this.passes = this.passes.filter((p) => p === newest || p.marks.some((m) => m.isConnected));
  }

  modelOf(mark: Element): CardModel | undefined {
    return this.models.get(mark);
  }

  /**
   * The summary of what is still on the page, under the newest pass's URL and title (that pass ran after
   * the latest navigation, even when it found nothing new to mark).
   */
  summary(): ArticleSummary | null {
    const summary = this.mergedSummary();
    return summary && { ...summary, figures: this.withContext(summary.figures) };
  }

  private mergedSummary(): ArticleSummary | null {
    return mergeSummaries(
      this.passes.map(({ summary, marks }) => {
        const liveIds = new Set<string>();
        for (const mark of marks) {
          const id = mark.isConnected ? mark.getAttribute('data-backstory-id') : null;
          if (id) liveIds.add(id);
        }
        return keepLive(summary, liveIds);
      }),
    );
  }

  /** The first figures with what their card reads around them: who gave each, its topic, its same-topic peers. */
  private withContext(figures: SummaryFigure[]): SummaryFigure[] {
    const wanted = new Set(figures.slice(0, FIGURES_WITH_CONTEXT).map((f) => f.key));
    const contexts = new Map<string, SummaryFigure['context']>();
    for (const { marks } of this.passes) {
      for (const mark of marks) {
        const key = mark.getAttribute('data-backstory-id');
        if (!key || !wanted.has(key) || contexts.has(key) || !mark.isConnected) continue;
        const model = this.models.get(mark);
        if (model?.type === 'figure') contexts.set(key, briefOfFigure(model.context));
      }
    }
    return figures.map((f) => (contexts.has(f.key) ? { ...f, context: contexts.get(f.key) } : f));
  }
}
