/**
 * One pass over the page: collect text, analyse it, ask the background once, write the marks in idle
 * slices, and keep the card models and the article summary for the popup.
 */

import { t } from '../../components/i18n';
import { type ArticleAnalysis, analyseArticle, lookupRequestFor } from '../../core/article/article-analysis';
import { buildSummary, figureContext, quotesBy } from '../../core/article/article-context';
import { localSpan } from '../../core/article/article-text';
import { buildMarks, resolveNames } from '../../core/article/mark-resolution';
import { resolveRoles } from '../../core/article/role-context';
import type { ResolvedRolePhrase } from '../../core/roles/role-resolution';
import { sendToBackground } from '../../messaging/channel';
import type { ArticleSummary } from '../../messaging/protocol';
import { readArticleCountry, readArticleDate } from './article-meta';
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

type Span = Pick<MarkSpec, 'block' | 'start' | 'end'>;
const overlaps = (a: Span, b: Span) => a.block === b.block && a.start < b.end && b.start < a.end;
/** A role phrase replaces a place or organisation mark inside it ("US" in "the US president"). */
const displaces = (role: Span, spec: MarkSpec) =>
  spec.kind !== 'person' &&
  spec.kind !== 'figure' &&
  overlaps(role, spec) &&
  role.start <= spec.start &&
  spec.end <= role.end;

/**
 * Marks for role phrases ("the Prime Minister"), each with its own card model that says which office the
 * words name on the date. A phrase that would overlap another mark is left out.
 */
function roleSpecs(
  analysis: ArticleAnalysis,
  phrases: readonly ResolvedRolePhrase[],
  models: CardModel[],
  taken: readonly MarkSpec[],
  articleDate: string | null,
): MarkSpec[] {
  const specs: MarkSpec[] = [];
  for (const { phrase, context, role } of phrases) {
    const span = localSpan(analysis.article, phrase.start, phrase.end);
    if (!span) continue;
    if (taken.some((s) => overlaps(s, span) && !displaces(span, s))) continue;
    const model = models.length;
    models.push({
      type: 'entity',
      label: context.entity.name,
      props: {
        kind: 'person',
        name: context.entity.name,
        context,
        articleDate,
        articleSays: { descriptions: [], quotes: [] },
        roleReference: { phrase: phrase.text, role },
      },
    });
    specs.push({
      ...span,
      kind: 'person',
      id: context.entity.id,
      model,
      via: 'role',
      label: t('roleMarkLabel', phrase.text, context.entity.name, t('kindPerson')),
    });
  }
  return specs;
}

export async function runPass(
  doc: Document,
  signal: AbortSignal,
  scope?: { root: Element; keeps: (el: Element) => boolean } | null,
): Promise<PassResult> {
  const region = scope === undefined ? findArticleRegion(doc) : scope;
  const blocks = region ? collectTextBlocks(doc.body, region.keeps) : [];
  const analysis = analyseArticle(blocks.map((b) => b.text));
  const articleDate = readArticleDate(doc);
  const country = readArticleCountry(doc);
  const response = await sendToBackground('lookup', lookupRequestFor(analysis, articleDate, country));
  const names = resolveNames(analysis, response);
  // Roles are judged on the article's day; an undated page is read as today's news.
  const date = articleDate ?? new Date().toISOString().slice(0, 10);
  const roles = resolveRoles(analysis, names, response, { date, country });

  const models: CardModel[] = names.map((name, ref) => {
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
        conflicts: roles.conflicts.get(ref) ?? [],
      },
    };
  });
  const figureModelBase = models.length;
  analysis.figures.forEach((figure, index) => {
    const context = figureContext(analysis, index);
    if (context) models.push({ type: 'figure', label: figure.text, context });
  });

  const nameSpecs: MarkSpec[] = [];
  for (const mark of buildMarks(analysis, names)) {
    const span = localSpan(analysis.article, mark.start, mark.end);
    if (!span) continue;
    const model = mark.kind === 'figure' ? figureModelBase + mark.ref : mark.ref;
    const name = models[model]?.label ?? '';
    nameSpecs.push({
      ...span,
      kind: mark.kind,
      id: mark.id,
      model,
      ...(roles.conflictStarts.has(mark.start)
        ? { conflict: true, label: `${t('markLabel', name, t('kindPerson'))}; ${t('conflictMarkLabel')}` }
        : { label: t('markLabel', name, t(KIND_LABEL[mark.kind] ?? '')) }),
    });
  }
  const roleMarks = roleSpecs(analysis, roles.phrases, models, nameSpecs, articleDate);
  const specs = [...nameSpecs.filter((s) => !roleMarks.some((r) => displaces(r, s))), ...roleMarks];

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

  const summary = buildSummary(analysis, names, { url: location.href, title: doc.title, articleDate }, roles);
  return { models, markToModel, summary };
}
