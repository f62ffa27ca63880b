/**
 * One pass over the page: collect text, analyse it, ask the background once, write the marks, and keep
 * the card models and the article summary for the popup. Only reading the page happens in one go; the
 * analysis, the card models and the marks are cut into idle-time slices, so a long page never holds the
 * main thread for long.
 */

import {
  type ArticleAnalysis,
  analyseArticleSteps,
  lookupRequestFor,
} from '../../core/article/article-analysis';
import { buildSummary, type FigureContext, quotesByName } from '../../core/article/article-context';
import { FigureContexts } from '../../core/article/figure-context';
import { buildMarks, type ResolvedName, resolveNames } from '../../core/article/mark-resolution';
import { type RoleContext, resolveRoles } from '../../core/article/role-context';
import { rankContextStatementsSteps } from '../../core/ranking/statement-ranker';
import { sendToBackground } from '../../messaging/channel';
import type { ArticleSummary } from '../../messaging/protocol';
import { readArticleCountry, readArticleDate } from './article-meta';
import { benchArticleText, benchPhase } from './bench-meter';
import type { CardModel } from './card-controller';
import { IdleSlicer } from './idle';
import { findArticleRegion } from './main-content';
import { byBlock, NameSpecs, roleSpecs, withRoleMarks } from './mark-specs';
import { applyMarks, type MarkSpec } from './mark-writer';
import type { PassScope } from './page-watcher';
import { marksKind } from './reader-controls';
import { collectTextBlocks } from './text-blocks';

export interface PassResult {
  models: CardModel[];
  markToModel: Map<Element, number>;
  summary: ArticleSummary;
}

/**
 * The card model of one figure. A class, not an object literal with a getter: a long page has thousands
 * of figures, and a literal's getter costs each of them a closure, its scope and a dictionary of
 * properties (about 200 bytes, against 24 for this).
 */
export class FigureModel {
  constructor(
    readonly contexts: FigureContexts,
    /** The figure's number in the article. */
    readonly index: number,
  ) {}

  get type(): 'figure' {
    return 'figure';
  }

  get label(): string {
    return this.contexts.text(this.index);
  }

  get context(): FigureContext {
    return this.contexts.of(this.index);
  }
}

/** Runs the analysis generator to its end, yielding to the browser between stretches when a slice is due. */
async function analyseInSlices(texts: readonly string[], slicer: IdleSlicer): Promise<ArticleAnalysis> {
  const steps = analyseArticleSteps(texts, benchPhase);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slicer.pause();
  }
}

/** The card models: one per resolved name, then one per figure (`figureModelBase` onwards). */
async function buildModels(
  analysis: ArticleAnalysis,
  names: readonly ResolvedName[],
  roles: RoleContext,
  articleDate: string | null,
  slicer: IdleSlicer,
): Promise<CardModel[]> {
  const quotes = quotesByName(analysis, names);
  const models: CardModel[] = [];
  for (const [ref, name] of names.entries()) {
    models.push({
      type: 'entity',
      label: name.context?.entity.name ?? name.cluster.canonical,
      props: {
        kind: name.kind,
        name: name.cluster.canonical,
        context: name.context,
        articleDate,
        articleSays: {
          descriptions: [...new Set([...name.cluster.titles, ...name.cluster.rolePhrases])],
          quotes: (quotes.get(name) ?? []).map((q) => q.quote),
        },
        conflicts: roles.conflicts.get(ref) ?? [],
      },
    });
    if (slicer.due) await slicer.yield();
  }
  // Each figure's topic, speaker and period are read here, between slices; opening its card only picks
  // the page's other figures like it, with their sentences (holding those for every figure of a long page
  // up front would keep megabytes nobody reads).
  const contexts = new FigureContexts(analysis, names, roles, articleDate);
  for (let index = 0; index < analysis.figures.length; index++) {
    contexts.read(index);
    models.push(new FigureModel(contexts, index));
    if (slicer.due) await slicer.yield();
  }
  return models;
}

export async function runPass(
  doc: Document,
  signal: AbortSignal,
  scope?: PassScope | null,
): Promise<PassResult> {
  if (scope === undefined) benchPhase('extract');
  const region = scope === undefined ? findArticleRegion(doc) : scope;
  benchPhase('collect');
  const blocks = region ? collectTextBlocks(doc.body, region.keeps) : [];
  const articleDate = readArticleDate(doc);
  const country = readArticleCountry(doc);
  // The page has been read; the rest works on that copy of its text and may wait for idle time.
  const slicer = new IdleSlicer(signal);
  await slicer.yield();
  const analysis = await analyseInSlices(
    blocks.map((b) => b.text),
    slicer,
  );
  benchArticleText(analysis.article.text);
  benchPhase('resolve');
  const response = await slicer.wait(
    // The page's URL, so quotes captured from this page are not shown on it as earlier statements.
    sendToBackground('lookup', {
      ...lookupRequestFor(analysis, articleDate, country),
      pageUrl: location.href,
    }),
  );
  const names = resolveNames(analysis, response);
  // Each person's statements ranked against this page's text, which stays in the page; a stretch at a time.
  for (const _ of rankContextStatementsSteps(analysis.article.text, Object.values(response.entities)))
    if (slicer.due) await slicer.yield();
  // Roles are judged on the article's day; an undated page is read as today's news.
  const date = articleDate ?? new Date().toISOString().slice(0, 10);
  const roles = resolveRoles(analysis, names, response, { date, country });
  await slicer.pause();

  benchPhase('models');
  const models = await buildModels(analysis, names, roles, articleDate, slicer);
  const specsOf = new NameSpecs(analysis, models, names.length, roles.conflictStarts);
  const nameMarks: MarkSpec[] = [];
  for (const mark of buildMarks(analysis, names)) {
    const spec = specsOf.of(mark);
    if (spec) nameMarks.push(spec);
    if (slicer.due) await slicer.yield();
  }
  const specs = withRoleMarks(nameMarks, roleSpecs(analysis, roles.phrases, models, nameMarks, articleDate));

  benchPhase('marks');
  const markToModel = new Map<Element, number>();
  // Kinds the reader switched off (reader-controls.ts) are not marked.
  for (const blockSpecs of byBlock(specs.filter((s) => marksKind(s.kind))).values()) {
    if (slicer.due) await slicer.yield();
    if (slicer.aborted) break;
    applyMarks(blocks, blockSpecs, markToModel);
    scope?.forgetOwnChanges?.();
  }
  await slicer.pause();

  benchPhase('summary');
  const summary = buildSummary(analysis, names, { url: location.href, title: doc.title, articleDate }, roles);
  return { models, markToModel, summary };
}
