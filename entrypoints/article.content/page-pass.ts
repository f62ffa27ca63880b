/**
 * One pass over the page: collect text, analyse it, ask the background once, write the marks in idle
 * slices, and keep the card models and the article summary for the popup.
 */

import { t } from '../../components/i18n';
import { analyseArticle, lookupRequestFor } from '../../core/article/article-analysis';
import { buildSummary, figureContext, quotesBy } from '../../core/article/article-context';
import { localSpan } from '../../core/article/article-text';
import { buildMarks, resolveNames } from '../../core/article/mark-resolution';
import { sendToBackground } from '../../messaging/channel';
import type { ArticleSummary } from '../../messaging/protocol';
import { readArticleDate } from './article-meta';
import type { CardModel } from './card-controller';
import { forEachIdle } from './idle';
import { findArticleRegion } from './main-content';
import { applyMarks, type MarkSpec } from './mark-writer';
import { collectTextBlocks } from './text-blocks';

const KIND_LABEL: Record<string, string> = {
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
  figure: 'kindFigure',
};

export interface PassResult {
  models: CardModel[];
  markToModel: Map<Element, number>;
  summary: ArticleSummary;
}

export async function runPass(doc: Document, signal: AbortSignal): Promise<PassResult> {
  const region = findArticleRegion(doc);
  const blocks = region ? collectTextBlocks(doc.body, region.keeps) : [];
  const analysis = analyseArticle(blocks.map((b) => b.text));
  const articleDate = readArticleDate(doc);
  const response = await sendToBackground('lookup', lookupRequestFor(analysis, articleDate));
  const names = resolveNames(analysis, response);

  const models: CardModel[] = names.map((name) => {
    const display = name.context?.entity.name ?? name.cluster.canonical;
    return {
      type: 'entity',
      label: display,
      props: {
        kind: name.kind,
        name: name.cluster.canonical,
        context: name.context,
        articleDate,
        articleSays: {
          descriptions: [...new Set([...name.cluster.titles, ...name.cluster.rolePhrases])],
          quotes: quotesBy(analysis, names, name).map((q) => q.quote),
        },
      },
    };
  });
  const figureModelBase = models.length;
  analysis.figures.forEach((figure, index) => {
    const context = figureContext(analysis, index);
    if (context) models.push({ type: 'figure', label: figure.text, context });
  });

  const specs: MarkSpec[] = [];
  for (const mark of buildMarks(analysis, names)) {
    const span = localSpan(analysis.article, mark.start, mark.end);
    if (!span) continue;
    const model = mark.kind === 'figure' ? figureModelBase + mark.ref : mark.ref;
    const name = models[model]?.label ?? '';
    specs.push({
      ...span,
      kind: mark.kind,
      id: mark.id,
      model,
      label: t('markLabel', name, t(KIND_LABEL[mark.kind] ?? '')),
    });
  }

  const markToModel = new Map<Element, number>();
  const blockOrder = [...new Set(specs.map((s) => s.block))];
  await forEachIdle(
    blockOrder.length,
    (i) =>
      applyMarks(
        blocks,
        specs.filter((s) => s.block === blockOrder[i]),
        markToModel,
      ),
    signal,
  );

  const summary = buildSummary(analysis, names, { url: location.href, title: doc.title, articleDate });
  return { models, markToModel, summary };
}
