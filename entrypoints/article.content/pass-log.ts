/**
 * What the passes over one page produced, kept together: the card model behind every mark from any pass,
 * and the popup summary of the content still on the page.
 */
import { briefOfFigure } from '../../core/article/figure-brief';
import type { FigureContexts } from '../../core/article/figure-context';
import { keepLive, mergeSummaries } from '../../core/article/summary-merge';
import type { ArticleSummary, SummaryFigure } from '../../messaging/protocol';
import type { CardModel } from './card-controller';
import { FigureModel, type PassResult } from './page-pass';
import { markModel, setMarkModel } from './text-blocks';

/**
 * How many of the brief's figures get their context. It is read when the popup asks, not during the pass,
 * and a figure's context costs about a millisecond on the longest pages.
 */
const FIGURES_WITH_CONTEXT = 30;

interface LoggedPass {
  summary: ArticleSummary;
  marks: Element[];
  /** The pass's models by index, apart from its figures'. */
  models: Map<number, CardModel>;
  /**
   * The figures' models, one per figure from model index `first`, made when asked: a long page has tens
   * of thousands of figures, and an object per figure kept for the tab's life would cost it 20 bytes each.
   */
  figures: { contexts: FigureContexts; first: number } | null;
  /** The slot of the pass's first model: a mark's slot minus this is its model's index. */
  base: number;
  size: number;
}

export class PassLog {
  private passes: LoggedPass[] = [];
  /** The slot of the next pass's first model; slots are never reused, so a stale mark finds no model. */
  private nextBase = 0;

  add(result: PassResult): void {
    const marks: Element[] = [];
    const base = this.nextBase;
    this.nextBase += result.models.length;
    // Each mark holds its model's slot (text-blocks.ts), so marks a page removes (an SPA swapping its
    // article) need no second table to let go of.
    for (const [mark, index] of result.markToModel) {
      if (!result.models[index]) continue;
      setMarkModel(mark, base + index);
      marks.push(mark);
    }
    const models = new Map<number, CardModel>();
    let figures: LoggedPass['figures'] = null;
    for (const [index, model] of result.models.entries()) {
      if (model instanceof FigureModel) {
        figures ??= { contexts: model.contexts, first: index - model.index };
        if (figures.contexts === model.contexts && figures.first === index - model.index) continue;
      }
      models.set(index, model);
    }
    this.passes.push({ summary: result.summary, marks, models, figures, base, size: result.models.length });
    // A pass none of whose marks is left has nothing to add; dropping it keeps the log bounded.
    const newest = this.passes.at(-1);
    this.passes = this.passes.filter((p) => p === newest || p.marks.some((m) => m.isConnected));
  }

  modelOf(mark: Element): CardModel | undefined {
    const slot = markModel(mark);
    if (slot < 0) return undefined;
    const pass = this.passes.find((p) => p.base <= slot && slot < p.base + p.size);
    if (!pass) return undefined;
    const index = slot - pass.base;
    const figure = pass.figures ? index - pass.figures.first : -1;
    return (
      pass.models.get(index) ??
      (pass.figures && figure >= 0 && figure < pass.figures.contexts.length
        ? new FigureModel(pass.figures.contexts, figure)
        : undefined)
    );
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
        const model = this.modelOf(mark);
        if (model?.type === 'figure') contexts.set(key, briefOfFigure(model.context));
      }
    }
    return figures.map((f) => (contexts.has(f.key) ? { ...f, context: contexts.get(f.key) } : f));
  }
}
