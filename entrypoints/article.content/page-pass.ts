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
import { buildSummary, FigureContexts, quotesByName } from '../../core/article/article-context';
import { buildMarks, type ResolvedName, resolveNames } from '../../core/article/mark-resolution';
import { type RoleContext, resolveRoles } from '../../core/article/role-context';
import { sendToBackground } from '../../messaging/channel';
import type { ArticleSummary } from '../../messaging/protocol';
import { readArticleCountry, readArticleDate } from './article-meta';
import { benchArticleText } from './bench-meter';
import type { CardModel } from './card-controller';
import { IdleSlicer } from './idle';
import { findArticleRegion } from './main-content';
import { byBlock, NameSpecs, roleSpecs, withRoleMarks } from './mark-specs';
import { applyMarks, type MarkSpec } from './mark-writer';
import { collectTextBlocks } from './text-blocks';

export interface PassResult {
  models: CardModel[];
  markToModel: Map<Element, number>;
  summary: ArticleSummary;
}

/** Runs the analysis generator to its end, yielding to the browser between stretches when a slice is due. */
async function analyseInSlices(texts: readonly string[], slicer: IdleSlicer): Promise<ArticleAnalysis> {
  const steps = analyseArticleSteps(texts);
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
  // A figure's context (the page's other figures like it, with their sentences) is built when its card
  // opens: building it for every figure of a long page up front would hold megabytes nobody reads.
  const contexts = new FigureContexts(analysis.figures, analysis.article.text);
  for (const [index, figure] of analysis.figures.entries()) {
    models.push({
      type: 'figure',
      label: figure.text,
      get context() {
        return contexts.of(index, figure);
      },
    });
    if (slicer.due) await slicer.yield();
  }
  return models;
}

export async function runPass(
  doc: Document,
  signal: AbortSignal,
  scope?: { root: Element; keeps: (el: Element) => boolean } | null,
): Promise<PassResult> {
  const region = scope === undefined ? findArticleRegion(doc) : scope;
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
  const response = await slicer.wait(
    sendToBackground('lookup', lookupRequestFor(analysis, articleDate, country)),
  );
  const names = resolveNames(analysis, response);
  // Roles are judged on the article's day; an undated page is read as today's news.
  const date = articleDate ?? new Date().toISOString().slice(0, 10);
  const roles = resolveRoles(analysis, names, response, { date, country });
  await slicer.pause();

  const models = await buildModels(analysis, names, roles, articleDate, slicer);
  const specsOf = new NameSpecs(analysis, models, names.length, roles.conflictStarts);
  const nameMarks: MarkSpec[] = [];
  for (const mark of buildMarks(analysis, names)) {
    const spec = specsOf.of(mark);
    if (spec) nameMarks.push(spec);
    if (slicer.due) await slicer.yield();
  }
  const specs = withRoleMarks(nameMarks, roleSpecs(analysis, roles.phrases, models, nameMarks, articleDate));

  const markToModel = new Map<Element, number>();
  for (const blockSpecs of byBlock(specs).values()) {
    if (slicer.due) await slicer.yield();
    if (slicer.aborted) break;
    applyMarks(blocks, blockSpecs, markToModel);
  }
  await slicer.pause();

  const summary = buildSummary(analysis, names, { url: location.href, title: doc.title, articleDate }, roles);
  return { models, markToModel, summary };
}
